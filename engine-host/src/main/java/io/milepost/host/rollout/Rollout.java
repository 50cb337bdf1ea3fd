package io.milepost.host.rollout;

import io.milepost.host.plugin.PluginCoordinates;
import java.time.Instant;
import java.util.List;

/**
 * A rollout of one plugin version to sites in waves.
 *
 * @param currentWave the index of the wave applied last (baking while RUNNING)
 * @param stateReason why it is in its state (e.g. the guardrail that paused it), else null
 */
public record Rollout(String id, PluginCoordinates plugin, RolloutState state, int currentWave, String reason,
    String stateReason, Guardrails guardrails, String createdBy, Instant createdAt, Instant updatedAt,
    List<Wave> waves, List<Target> targets) {

  /**
   * @param percent the cumulative share of target sites, null for a wave of named sites
   * @param startedAt when it was applied, null while pending
   * @param sites the sites this wave moves
   */
  public record Wave(int index, Integer percent, int bakeMinutes, Instant startedAt, List<String> sites) {}

  /**
   * One site and job type the rollout moves.
   *
   * @param from the version it ran before this rollout moved it, null while not applied or if it ran none
   */
  public record Target(String siteId, String jobType, int wave, PluginCoordinates from, Instant appliedAt) {}

  public Wave current() {
    return waves.get(currentWave);
  }

  public List<Target> targetsOf(int wave) {
    return targets.stream().filter(target -> target.wave() == wave).toList();
  }

  public List<String> jobTypes() {
    return targets.stream().map(Target::jobType).distinct().sorted().toList();
  }
}
