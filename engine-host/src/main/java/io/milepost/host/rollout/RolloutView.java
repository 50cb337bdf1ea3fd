package io.milepost.host.rollout;

import io.milepost.host.insight.SampleFigures;
import io.milepost.host.rollout.Rollout.Target;
import java.time.Instant;
import java.util.List;

/**
 * A rollout as {@code /api/rollouts} shows it: its state, current wave (1-based: wave 1 is the canary),
 * and each wave's sites and, once applied, its figures per job type on the new version.
 */
public record RolloutView(String rolloutId, String pluginId, String version, RolloutState state, int currentWave,
    String reason, String stateReason, Guardrails guardrails, String createdBy, Instant createdAt, Instant updatedAt,
    List<WaveView> waves) {

  /** @param figures per job type, the wave's sites on the new version since the wave started */
  public record WaveView(int wave, Integer percent, int bakeMinutes, Instant startedAt, List<String> sites,
      List<Target> targets, List<JobTypeFigures> figures) {}

  public record JobTypeFigures(String jobType, SampleFigures figures) {}
}
