package io.milepost.host.rollout;

import io.milepost.host.insight.SampleFigures;
import io.milepost.host.insight.StepSample;
import io.milepost.host.insight.StepSamples;
import io.milepost.host.rollout.Rollout.Target;
import io.milepost.host.rollout.Rollout.Wave;
import io.milepost.host.rollout.RolloutView.JobTypeFigures;
import io.milepost.host.rollout.RolloutView.WaveView;
import java.time.Instant;
import java.util.List;

/** Builds {@link RolloutView}s: a rollout with each applied wave's figures. */
public final class RolloutViews {

  private final StepSamples samples;

  RolloutViews(StepSamples samples) {
    this.samples = samples;
  }

  public RolloutView view(Rollout rollout, Instant now) {
    return new RolloutView(rollout.id(), rollout.plugin().pluginId(), rollout.plugin().version(), rollout.state(),
        rollout.currentWave() + 1, rollout.reason(), rollout.stateReason(), rollout.guardrails(), rollout.createdBy(),
        rollout.createdAt(), rollout.updatedAt(),
        rollout.waves().stream().map(wave -> wave(rollout, wave, now)).toList());
  }

  private WaveView wave(Rollout rollout, Wave wave, Instant now) {
    List<Target> targets = rollout.targetsOf(wave.index());
    List<JobTypeFigures> figures = wave.startedAt() == null ? List.of()
        : targets.stream().map(Target::jobType).distinct().sorted().map(jobType -> {
          List<String> siteIds = targets.stream().filter(t -> t.jobType().equals(jobType)).map(Target::siteId)
              .toList();
          return new JobTypeFigures(jobType, SampleFigures.of(siteIds, samples.stats(
              new StepSample(jobType, siteIds, rollout.plugin(), true, wave.startedAt(), now))));
        }).toList();
    return new WaveView(wave.index() + 1, wave.percent(), wave.bakeMinutes(), wave.startedAt(), wave.sites(), targets,
        figures);
  }
}
