package io.milepost.host.engine;

import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

/**
 * On a worker node ({@code milepost.engine.enabled=false}), matches the components that need the embedded
 * engine, so the component scan leaves them out: the engine and its deployer ({@code host.engine}), the
 * gRPC gateway ({@code host.grpc}) and the Camunda 8 REST controllers (the sub-packages of
 * {@code host.api}; its own package holds only request plumbing). A package rule rather than an
 * annotation on each class, so a new {@code /v2} controller is left out without anyone remembering to;
 * a component elsewhere that takes the engine makes the worker node fail to start, which its test shows.
 */
public final class EmbeddedEngineComponents implements TypeFilter, EnvironmentAware {

  private static final List<String> ENGINE_PACKAGES = List.of(
      "io.milepost.host.engine.", "io.milepost.host.grpc.", "io.milepost.host.api.");
  private static final String API_PACKAGE = "io.milepost.host.api.";

  private boolean engineEnabled = true;

  @Override
  public void setEnvironment(Environment environment) {
    engineEnabled = Binder.get(environment).bind("milepost.engine.enabled", Boolean.class).orElse(true);
  }

  @Override
  public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
    if (engineEnabled) {
      return false;
    }
    String className = reader.getClassMetadata().getClassName();
    String packageName = className.substring(0, className.lastIndexOf('.') + 1);
    if (packageName.equals(API_PACKAGE)) {
      return false;
    }
    return ENGINE_PACKAGES.stream().anyMatch(packageName::startsWith);
  }
}
