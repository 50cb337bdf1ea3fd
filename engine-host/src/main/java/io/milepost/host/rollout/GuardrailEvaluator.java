package io.milepost.host.rollout;

import io.milepost.host.insight.SampleStats;
import io.milepost.host.insight.SampleStats.MeasureStats;
import io.milepost.host.insight.StepSample;
import io.milepost.host.insight.StepSamples;
import io.milepost.host.plugin.PluginCoordinates;
import io.milepost.host.rollout.Guardrails.MeasureLimit;
import io.milepost.host.rollout.Rollout.Target;
import io.milepost.host.rollout.Rollout.Wave;
import io.milepost.host.site.SiteAssignment;
import io.milepost.host.site.SiteAssignments;
import io.milepost.host.site.SiteDirectory;
import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.Site;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Judges a baking wave per affected job type: its sites on the new version (the canary) against the
 * baseline, which is the sites of the same building types still on another version (the control) or,
 * when those ran too few jobs, the wave's own sites in the day before the change.
 */
final class GuardrailEvaluator {

  /** How far back "before the change" reaches when there is no control. */
  static final Duration BEFORE_WINDOW = Duration.ofHours(24);
  /** A p95 line at least this far above the baseline's: a few milliseconds apart is timing noise. */
  static final double P95_NOISE_MS = 5;
  /** The share of jobs above a p95. */
  private static final double TAIL_SHARE = 0.05;

  private final StepSamples samples;
  private final SiteDirectory sites;
  private final SiteAssignments assignments;

  GuardrailEvaluator(StepSamples samples, SiteDirectory sites, SiteAssignments assignments) {
    this.samples = samples;
    this.sites = sites;
    this.assignments = assignments;
  }

  /** A named baseline sample. */
  record Baseline(String name, SampleStats stats) {}

  GuardrailVerdict evaluate(Rollout rollout, Instant now) {
    Guardrails guardrails = rollout.guardrails();
    Wave wave = rollout.current();
    int minJobs = guardrails.minJobsOrDefault();
    boolean enough = true;
    List<String> summary = new ArrayList<>();
    for (String jobType : rollout.targetsOf(wave.index()).stream().map(Target::jobType).distinct().sorted().toList()) {
      List<String> canarySites = rollout.targetsOf(wave.index()).stream()
          .filter(target -> target.jobType().equals(jobType)).map(Target::siteId).toList();
      StepSample canarySample = new StepSample(jobType, canarySites, rollout.plugin(), true, wave.startedAt(), now);
      SampleStats canary = samples.stats(canarySample);
      Baseline baseline = baseline(rollout.plugin(), jobType, canarySites, wave.startedAt(), now, minJobs);
      summary.add(jobType + ": canary " + canary.count() + " jobs, " + baseline.name() + " "
          + baseline.stats().count() + " jobs");
      if (canary.count() < minJobs || baseline.stats().count() < minJobs) {
        enough = false;
        continue;
      }
      Optional<Breach> breach = firstBreach(guardrails, jobType, canary, canarySample, baseline);
      if (breach.isPresent()) {
        return new GuardrailVerdict(breach, true, String.join("; ", summary));
      }
    }
    return new GuardrailVerdict(Optional.empty(), enough, String.join("; ", summary) + " (at least " + minJobs
        + " each needed)");
  }

  Baseline baseline(PluginCoordinates plugin, String jobType, List<String> canarySites, Instant since, Instant now,
      int minJobs) {
    Set<BuildingType> types = canarySites.stream().map(id -> sites.find(id).orElseThrow().buildingType())
        .collect(Collectors.toSet());
    List<String> control = sites.all().stream()
        .filter(site -> types.contains(site.buildingType()) && !canarySites.contains(site.id()))
        .map(Site::id)
        .filter(id -> assignments.find(id, jobType).map(SiteAssignment::plugin).filter(p -> !p.equals(plugin))
            .isPresent())
        .toList();
    SampleStats controlStats = samples.stats(new StepSample(jobType, control, plugin, false, since, now));
    if (controlStats.count() >= minJobs) {
      return new Baseline("control " + control, controlStats);
    }
    SampleStats before = samples.stats(new StepSample(jobType, canarySites, plugin, false, since.minus(BEFORE_WINDOW),
        since));
    return new Baseline("before the change", before);
  }

  private Optional<Breach> firstBreach(Guardrails guardrails, String jobType, SampleStats canary,
      StepSample canarySample, Baseline baseline) {
    SampleStats base = baseline.stats();
    double alpha = guardrails.alphaOrDefault();
    if (guardrails.maxFailureRateIncrease() != null) {
      double increase = canary.failureRate() - base.failureRate();
      if (SequentialTest.proportionIncreaseExceeds(canary.failures(), canary.count(), base.failures(), base.count(),
          guardrails.maxFailureRateIncrease(), alpha)) {
        return Optional.of(new Breach(jobType, "failureRateIncrease", increase, guardrails.maxFailureRateIncrease(),
            String.format(Locale.ROOT, "'%s' failure rate %.3f (%d of %d) against %s %.3f (%d of %d): up %.3f,"
                    + " limit %.3f", jobType, canary.failureRate(), canary.failures(), canary.count(), baseline.name(),
                base.failureRate(), base.failures(), base.count(), increase, guardrails.maxFailureRateIncrease())));
      }
    }
    if (guardrails.maxP95IncreasePercent() != null && canary.p95Ms() != null && base.p95Ms() != null) {
      Optional<Breach> breach = p95Breach(jobType, guardrails.maxP95IncreasePercent(), canary, canarySample, baseline,
          alpha);
      if (breach.isPresent()) {
        return breach;
      }
    }
    for (MeasureLimit limit : guardrails.measures()) {
      Optional<Breach> breach = measureBreach(jobType, limit, canary.measures().get(limit.name()),
          base.measures().get(limit.name()), baseline.name(), alpha);
      if (breach.isPresent()) {
        return breach;
      }
    }
    return Optional.empty();
  }

  /**
   * The p95 as a sequential test, not a bare comparison of two noisy percentiles: the line is the baseline's
   * p95 raised by the limit (and by at least {@link #P95_NOISE_MS}); the canary's p95 is past it when more
   * than 5 % of its jobs took longer, which {@link SequentialTest#shareAboveExceeds} tests anytime-validly.
   */
  private Optional<Breach> p95Breach(String jobType, double limitPercent, SampleStats canary, StepSample canarySample,
      Baseline baseline, double alpha) {
    SampleStats base = baseline.stats();
    double line = Math.max(base.p95Ms() * (1 + limitPercent / 100), base.p95Ms() + P95_NOISE_MS);
    long slower = samples.countLongerThan(canarySample, line);
    if (!SequentialTest.shareAboveExceeds(slower, canary.count(), TAIL_SHARE, base.count(), alpha)) {
      return Optional.empty();
    }
    double percent = (canary.p95Ms() - base.p95Ms()) / Math.max(base.p95Ms(), 1) * 100;
    return Optional.of(new Breach(jobType, "p95IncreasePercent", percent, limitPercent,
        String.format(Locale.ROOT, "'%s' p95 duration %.0f ms against %s %.0f ms: up %.1f%%, limit %.1f%%"
                + " (%d of %d canary jobs took longer than %.0f ms, more than 5 %%)", jobType, canary.p95Ms(),
            baseline.name(), base.p95Ms(), percent, limitPercent, slower, canary.count(), line)));
  }

  private static Optional<Breach> measureBreach(String jobType, MeasureLimit limit, MeasureStats canary,
      MeasureStats base, String baselineName, double alpha) {
    if (canary == null || base == null) {
      return Optional.empty();
    }
    boolean increase = limit.maxIncrease() != null;
    double margin = increase ? limit.maxIncrease() : limit.maxDecrease();
    double change = increase ? canary.mean() - base.mean() : base.mean() - canary.mean();
    boolean breached = increase
        ? SequentialTest.meanIncreaseExceeds(canary.mean(), canary.variance(), canary.count(), base.mean(),
            base.variance(), base.count(), margin, alpha)
        : SequentialTest.meanIncreaseExceeds(base.mean(), base.variance(), base.count(), canary.mean(),
            canary.variance(), canary.count(), margin, alpha);
    if (!breached) {
      return Optional.empty();
    }
    String direction = increase ? "increase" : "decrease";
    return Optional.of(new Breach(jobType, "measure:" + limit.name() + ":" + direction, change, margin,
        String.format(Locale.ROOT, "'%s' mean %s %.3f against %s %.3f: %s of %.3f, limit %.3f", jobType, limit.name(),
            canary.mean(), baselineName, base.mean(), direction, change, margin)));
  }
}
