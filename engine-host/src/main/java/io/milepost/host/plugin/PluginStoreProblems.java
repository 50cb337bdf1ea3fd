package io.milepost.host.plugin;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Uploaded plugin versions the host could not load at start (jar missing, corrupted, or refused by
 * PF4J), shown in {@code /actuator/health} under {@code pluginStore}. The host stays UP: the sites that ran
 * such a version have fallen back to their previous one, but a person has to restore or withdraw it.
 */
public final class PluginStoreProblems implements HealthIndicator {

  /** One version that did not load, and why. */
  public record Problem(PluginCoordinates coordinates, String sha256, String reason) {}

  private final List<Problem> problems = new CopyOnWriteArrayList<>();

  void add(Problem problem) {
    problems.add(problem);
  }

  /** The version loaded after all (its jar was uploaded again). */
  void resolved(PluginCoordinates coordinates) {
    problems.removeIf(problem -> problem.coordinates().equals(coordinates));
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  @Override
  public Health health() {
    Health.Builder health = Health.up();
    health.withDetail("unloadableVersions", problems.stream()
        .map(problem -> problem.coordinates() + " (" + problem.sha256() + ".jar): " + problem.reason())
        .toList());
    return health.build();
  }
}
