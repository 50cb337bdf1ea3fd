package io.milepost.host.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The repository's docker-compose.yml, read as YAML. */
record ComposeFile(Map<String, Object> document) {

  static final Path PATH = Path.of("..", "docker-compose.yml").toAbsolutePath().normalize();

  static ComposeFile read() {
    try (Reader reader = Files.newBufferedReader(PATH)) {
      return new ComposeFile(new Yaml().load(reader));
    } catch (IOException e) {
      throw new UncheckedIOException("Expected " + PATH + " to be readable", e);
    }
  }

  Map<String, Map<String, Object>> services() {
    return map(document, "services");
  }

  Map<String, Object> service(String name) {
    Map<String, Object> service = services().get(name);
    if (service == null) {
      throw new AssertionError("Expected a service '" + name + "' in " + PATH + ", but it has " + services().keySet());
    }
    return service;
  }

  /** The services built from the repository's Dockerfile: engine-host in its roles. */
  List<String> engineHostServices() {
    return services().entrySet().stream().filter(entry -> entry.getValue().containsKey("build"))
        .map(Map.Entry::getKey).toList();
  }

  /** A service's environment, in either of Compose's forms (a map, or a list of NAME=value). */
  Map<String, String> environment(String service) {
    Object environment = service(service).get("environment");
    Map<String, String> variables = new LinkedHashMap<>();
    if (environment instanceof Map<?, ?> entries) {
      entries.forEach((name, value) -> variables.put(name.toString(), value == null ? "" : value.toString()));
    } else if (environment instanceof List<?> entries) {
      for (Object entry : entries) {
        String[] parts = entry.toString().split("=", 2);
        variables.put(parts[0], parts.length == 2 ? parts[1] : "");
      }
    }
    return variables;
  }

  @SuppressWarnings("unchecked")
  List<String> list(String service, String key) {
    Object value = service(service).get(key);
    return value == null ? List.of() : ((List<Object>) value).stream().map(Object::toString).toList();
  }

  @SuppressWarnings("unchecked")
  static <T> Map<String, T> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    return value == null ? Map.of() : (Map<String, T>) value;
  }
}
