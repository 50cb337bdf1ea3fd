package io.milepost.host.step;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The Timer {@code milepost.step} per job type, site, plugin version and outcome: what a leader compares
 * between canary and control sites.
 */
final class StepMetrics {

  static final String NAME = "milepost.step";
  private static final String UNKNOWN = "none";

  private final MeterRegistry registry;

  StepMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(StepRecord record) {
    Timer.builder(NAME)
        .description("Plugin step executions by job type, site, plugin version and outcome")
        .tag("jobType", record.jobType())
        .tag("siteId", orNone(record.siteId()))
        .tag("pluginId", orNone(record.pluginId()))
        .tag("pluginVersion", orNone(record.pluginVersion()))
        .tag("outcome", record.outcome().name())
        // buckets, so a dashboard can chart p95 per site and plugin version (ops/grafana/milepost.json)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(1))
        .register(registry)
        .record(Duration.ofMillis(record.durationMs()));
  }

  private static String orNone(String value) {
    return value == null ? UNKNOWN : value;
  }
}
