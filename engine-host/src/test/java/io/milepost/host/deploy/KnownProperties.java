package io.milepost.host.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The properties engine-host has: Spring Boot's (from the configuration metadata its jars carry) and
 * Milepost's own (the components of its {@code @ConfigurationProperties} records), and whether an
 * environment variable names one of them the way Spring Boot's relaxed binding reads it: upper case,
 * dots as underscores, dashes dropped (or, the legacy form, dashes as underscores).
 */
final class KnownProperties {

  private final Set<String> leaves = new HashSet<>();
  /** Maps and lists: any name below them is theirs ({@code milepost.sites[0].id}, {@code milepost.worker.client.x}). */
  private final Set<String> containers = new HashSet<>();

  static KnownProperties ofEngineHost() {
    KnownProperties known = new KnownProperties();
    known.addSpringBootMetadata();
    known.addMilepostProperties("io.milepost.host");
    return known;
  }

  /** True if Spring Boot binds the environment variable to a property engine-host has. */
  boolean knows(String environmentVariable) {
    for (String property : leaves) {
      if (environmentForms(property).contains(environmentVariable)) {
        return true;
      }
    }
    for (String property : containers) {
      for (String form : environmentForms(property)) {
        if (environmentVariable.startsWith(form + "_")) {
          return true;
        }
      }
    }
    return false;
  }

  private static Set<String> environmentForms(String property) {
    String upper = property.toUpperCase().replace('.', '_');
    return Set.copyOf(List.of(upper.replace("-", ""), upper.replace('-', '_')));
  }

  private void addSpringBootMetadata() {
    JsonMapper json = JsonMapper.builder().build();
    try {
      Enumeration<URL> files = getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
      while (files.hasMoreElements()) {
        try (InputStream in = files.nextElement().openStream()) {
          for (JsonNode property : json.readTree(in).path("properties")) {
            String type = property.path("type").asString("");
            add(property.path("name").asString(), type.startsWith("java.util.Map") || type.startsWith("java.util.List"));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void addMilepostProperties(String basePackage) {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
      Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), getClass().getClassLoader());
      ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
      String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
      addRecord(prefix, type);
    }
  }

  private void addRecord(String prefix, Class<?> type) {
    if (!type.isRecord()) {
      throw new IllegalStateException("Expected Milepost's @ConfigurationProperties to be records, but "
          + type.getName() + " is not: teach KnownProperties to read it");
    }
    for (RecordComponent component : type.getRecordComponents()) {
      String name = prefix + "." + kebabCase(component.getName());
      Class<?> componentType = component.getType();
      if (componentType.isRecord() && componentType.getName().startsWith("io.milepost.")) {
        addRecord(name, componentType);
      } else {
        add(name, Map.class.isAssignableFrom(componentType) || Collection.class.isAssignableFrom(componentType));
      }
    }
  }

  private void add(String name, boolean container) {
    (container ? containers : leaves).add(name);
  }

  private static String kebabCase(String camelCase) {
    return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
  }
}
