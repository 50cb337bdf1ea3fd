package io.milepost.host.insight;

import java.time.Instant;
import java.util.Map;

/** What a step record adds to its hour's rollup. */
public record RollupStep(String jobType, String siteId, String pluginId, String pluginVersion, String outcome,
    Instant startedAt, long durationMs, Map<String, Double> measures) {

  public RollupStep {
    measures = Map.copyOf(measures);
  }
}
