package io.milepost.host.engine;

import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * On a worker node ({@code milepost.engine.enabled=false}), matches the components that need the embedded
 * engine, so the component scan leaves them out: the engine and its deployer ({@code host.engine}), the gRPC
 * gateway ({@code host.grpc}), and every component whose constructor takes one of the engine's types
 * ({@code io.milepost.engine.*}), directly or through another such component: the {@code /v2} controllers,
 * the task list and operations pages, the user-task guards, the testing endpoints. Decided from the
 * constructors rather than by a list, so a component added later that needs the engine stays off worker
 * nodes without anyone remembering to say so.
 */
public final class EmbeddedEngineComponents implements TypeFilter, EnvironmentAware, BeanClassLoaderAware {

  private static final List<String> ENGINE_PACKAGES = List.of("io.milepost.host.engine.", "io.milepost.host.grpc.");
  private static final String ENGINE_TYPES = "io.milepost.engine.";
  private static final String HOST_TYPES = "io.milepost.host.";

  private final Map<Class<?>, Boolean> decided = new ConcurrentHashMap<>();
  private boolean engineEnabled = true;
  private ClassLoader classLoader = ClassUtils.getDefaultClassLoader();

  @Override
  public void setEnvironment(Environment environment) {
    engineEnabled = Binder.get(environment).bind("milepost.engine.enabled", Boolean.class).orElse(true);
  }

  @Override
  public void setBeanClassLoader(ClassLoader beanClassLoader) {
    classLoader = beanClassLoader;
  }

  @Override
  public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
    if (engineEnabled) {
      return false;
    }
    return needsEngine(ClassUtils.resolveClassName(reader.getClassMetadata().getClassName(), classLoader));
  }

  private boolean needsEngine(Class<?> type) {
    Boolean known = decided.get(type);
    if (known != null) {
      return known;
    }
    decided.put(type, false); // a cycle of components decides nothing
    boolean needs = ENGINE_PACKAGES.stream().anyMatch(type.getName()::startsWith) || takesEngine(type);
    decided.put(type, needs);
    return needs;
  }

  private boolean takesEngine(Class<?> type) {
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      for (Class<?> parameter : constructor.getParameterTypes()) {
        if (parameter.getName().startsWith(ENGINE_TYPES) || isComponent(parameter) && needsEngine(parameter)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isComponent(Class<?> type) {
    return type.getName().startsWith(HOST_TYPES) && AnnotatedElementUtils.hasAnnotation(type, Component.class);
  }
}
