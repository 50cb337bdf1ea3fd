package io.milepost.host.rollout;

import io.milepost.host.insight.SampleFigures;
import io.milepost.host.insight.StepSample;
import io.milepost.host.insight.StepSamples;
import io.milepost.host.rollout.Rollout.Target;
import io.milepost.host.site.SiteAssignment;
import io.milepost.host.site.SiteAssignments;
import io.milepost.host.site.SiteDirectory;
import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.Site;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A rollout's figures per job type: the canary (first wave's sites on the new version) against the
 * control (sites of the same building types on another version), and the moved sites before the
 * rollout against after (on the new version), over windows of equal length.
 */
public final class RolloutInsights {

  /** The shortest window "before" looks back over, so a rollout minutes old still has a baseline. */
  private static final Duration MIN_WINDOW = Duration.ofHours(1);

  private final StepSamples samples;
  private final SiteDirectory sites;
  private final SiteAssignments assignments;

  RolloutInsights(StepSamples samples, SiteDirectory sites, SiteAssignments assignments) {
    this.samples = samples;
    this.sites = sites;
    this.assignments = assignments;
  }

  public record JobTypeInsight(String jobType, SampleFigures canary, SampleFigures control, SampleFigures before,
      SampleFigures after) {}

  public record Insights(String rolloutId, String pluginId, String version, Instant from, Instant to,
      List<JobTypeInsight> jobTypes) {}

  public Insights of(Rollout rollout, Instant now) {
    Instant since = rollout.createdAt();
    Duration window = Duration.between(since, now).compareTo(MIN_WINDOW) < 0 ? MIN_WINDOW
        : Duration.between(since, now);
    List<JobTypeInsight> jobTypes = rollout.jobTypes().stream().map(jobType -> {
      List<String> canarySites = sitesOf(rollout, jobType, true);
      List<String> movedSites = sitesOf(rollout, jobType, false);
      List<String> control = control(rollout, jobType, movedSites);
      return new JobTypeInsight(jobType,
          figures(new StepSample(jobType, canarySites, rollout.plugin(), true, since, now)),
          figures(new StepSample(jobType, control, rollout.plugin(), false, since, now)),
          figures(new StepSample(jobType, movedSites, rollout.plugin(), false, since.minus(window), since)),
          figures(new StepSample(jobType, movedSites, rollout.plugin(), true, since, now)));
    }).toList();
    return new Insights(rollout.id(), rollout.plugin().pluginId(), rollout.plugin().version(), since, now, jobTypes);
  }

  private SampleFigures figures(StepSample sample) {
    return SampleFigures.of(sample.siteIds(), samples.stats(sample));
  }

  private static List<String> sitesOf(Rollout rollout, String jobType, boolean firstWaveOnly) {
    return rollout.targets().stream()
        .filter(target -> target.jobType().equals(jobType) && target.appliedAt() != null)
        .filter(target -> !firstWaveOnly || target.wave() == 0)
        .map(Target::siteId).distinct().toList();
  }

  private List<String> control(Rollout rollout, String jobType, List<String> moved) {
    Set<BuildingType> types = rollout.targets().stream().filter(target -> target.jobType().equals(jobType))
        .map(target -> sites.find(target.siteId()).orElseThrow().buildingType()).collect(Collectors.toSet());
    return sites.all().stream()
        .filter(site -> types.contains(site.buildingType()) && !moved.contains(site.id()))
        .map(Site::id)
        .filter(id -> assignments.find(id, jobType).map(SiteAssignment::plugin)
            .filter(plugin -> !plugin.equals(rollout.plugin())).isPresent())
        .toList();
  }
}
