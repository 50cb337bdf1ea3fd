package io.milepost.host.insight;

import io.milepost.host.plugin.PluginCoordinates;
import java.time.Instant;
import java.util.List;

/**
 * Which step records to summarise: one job type at some sites, on a plugin version or on any other one,
 * in a time window ({@code from} inclusive, {@code to} exclusive).
 *
 * @param onVersion true for the records {@code plugin} handled, false for those another version handled
 */
public record StepSample(String jobType, List<String> siteIds, PluginCoordinates plugin, boolean onVersion,
    Instant from, Instant to) {

  public StepSample {
    siteIds = List.copyOf(siteIds);
  }
}
