package io.milepost.plugins.network;

import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.Site;
import io.milepost.plugin.api.StepHandler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every step handler of the six plugins, found as PF4J finds them: through each plugin's
 * {@code META-INF/extensions.idx} (here all on the test class path), then chosen by job type and building
 * type as the host chooses them for a site.
 */
final class NetworkHandlers {

  static final List<StepHandler> ALL = load();

  private NetworkHandlers() {}

  static StepHandler forSite(String jobType, Site site) {
    List<StepHandler> matching = ALL.stream()
        .filter(handler -> handler.jobType().equals(jobType) && handler.buildingTypes().contains(site.buildingType()))
        .toList();
    if (matching.size() != 1) {
      throw new AssertionError("Expected one handler for " + jobType + " at a " + site.buildingType() + ", but found " + matching);
    }
    return matching.getFirst();
  }

  static boolean anyHandles(String jobType, BuildingType type) {
    return ALL.stream().anyMatch(handler -> handler.jobType().equals(jobType) && handler.buildingTypes().contains(type));
  }

  private static List<StepHandler> load() {
    List<StepHandler> handlers = new ArrayList<>();
    try {
      for (URL index : Collections.list(NetworkHandlers.class.getClassLoader().getResources("META-INF/extensions.idx"))) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
          for (String line : reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            handlers.add((StepHandler) Class.forName(line).getDeclaredConstructor().newInstance());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return List.copyOf(handlers);
  }
}
