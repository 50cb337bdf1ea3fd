package io.milepost.host.step;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The Timer {@code milepost.step} per job type, site, plugin version and outcome: what a leader compares
 * between canary and control sites; and the jobs held back while the heap was critical.
 */
final class StepMetrics {

  static final String NAME = "milepost.step";
  static final String HELD_BACK = "milepost.step.held.back";
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

  /** A job given back to the engine without calling its plugin, because the heap was critical. */
  void heldBack(String jobType) {
    Counter.builder(HELD_BACK)
        .description("Jobs handed to no plugin while the heap was critical (retried later, no retry used up)")
        .tag("jobType", jobType)
        .register(registry)
        .increment();
  }

  private static String orNone(String value) {
    return value == null ? UNKNOWN : value;
  }
}
