package io.milepost.host.insight;

import io.milepost.host.insight.StepTally.MeasureTally;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the hourly rollups ({@code step_rollup}, {@code step_rollup_measure}, {@code step_rollup_bucket}):
 * adds a tally to its hour's rows, an update by key where the row exists (all but an hour's first records) and an
 * insert where it does not. Two writers that create the same new row at once make one of them fail with a duplicate
 * key; the caller retries its transaction (StepRecords does).
 */
public final class StepRollups {

  /** The key of an hour's rows, in the order {@link #addOrInsert} binds it. */
  private static final String KEY = "job_type, site_id, plugin_id, plugin_version, hour_start";
  private static final String WHERE_KEY =
      " WHERE job_type = ? AND site_id = ? AND plugin_id = ? AND plugin_version = ? AND hour_start = ?";

  private final JdbcClient jdbc;

  public StepRollups(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The hour a step record belongs to (UTC; hours are the same in every whole-hour time zone). */
  static Instant hourOf(Instant startedAt) {
    return startedAt.truncatedTo(ChronoUnit.HOURS);
  }

  /**
   * Adds step records to their hours, one statement per hour and series however many records share it; call it in
   * the transaction that stores the records.
   */
  public void add(List<RollupStep> steps) {
    Map<HourKey, StepTally> hours = new LinkedHashMap<>();
    for (RollupStep step : steps) {
      StepTally tally = hours.computeIfAbsent(new HourKey(step.jobType(), step.siteId(), step.pluginId(),
          step.pluginVersion(), hourOf(step.startedAt())), key -> new StepTally());
      tally.addStep(step.outcome(), step.durationMs(), step.startedAt());
      step.measures().forEach(tally::addMeasure);
    }
    hours.forEach(this::write);
  }

  /** Adds a tally of records of one hour to that hour's rows. */
  void write(HourKey key, StepTally tally) {
    addOrInsert("UPDATE step_rollup SET jobs = jobs + ?, failures = failures + ?, bpmn_errors = bpmn_errors + ?,"
            + " first_at = LEAST(first_at, ?), last_at = GREATEST(last_at, ?)" + WHERE_KEY,
        "INSERT INTO step_rollup (jobs, failures, bpmn_errors, first_at, last_at, " + KEY + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        List.of(tally.jobs(), tally.failures(), tally.bpmnErrors(), utc(tally.first()), utc(tally.last())), key);
    writeBuckets(key, StepTally.DURATION, tally.durations());
    for (Map.Entry<String, MeasureTally> measure : tally.measures().entrySet()) {
      MeasureTally sums = measure.getValue();
      addOrInsert("UPDATE step_rollup_measure SET value_count = value_count + ?, total = total + ?,"
              + " total_squares = total_squares + ?" + WHERE_KEY + " AND name = ?",
          "INSERT INTO step_rollup_measure (value_count, total, total_squares, " + KEY + ", name)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          List.of(sums.count(), sums.total(), sums.squares()), key, measure.getKey());
      writeBuckets(key, measure.getKey(), sums.histogram());
    }
  }

  private void writeBuckets(HourKey key, String series, Histogram histogram) {
    histogram.buckets().forEach((bucket, n) -> addOrInsert(
        "UPDATE step_rollup_bucket SET n = n + ?" + WHERE_KEY + " AND series = ? AND bucket = ?",
        "INSERT INTO step_rollup_bucket (n, " + KEY + ", series, bucket) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        List.of(n), key, series, bucket));
  }

  /**
   * Adds {@code sums} to the row of {@code key} and {@code moreKey} (the columns after the hour's key), or inserts it
   * with them where the hour has no such row yet: one statement for all but an hour's first records.
   */
  private void addOrInsert(String update, String insert, List<Object> sums, HourKey key, Object... moreKey) {
    List<Object> values = new ArrayList<>(sums);
    values.addAll(List.of(key.jobType(), key.siteId(), key.pluginId(), key.pluginVersion(), utc(key.hourStart())));
    values.addAll(List.of(moreKey));
    if (jdbc.sql(update).params(values).update() == 0) {
      jdbc.sql(insert).params(values).update();
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** One rollup row's key: a site, job type and plugin version in one hour. */
  record HourKey(String jobType, String siteId, String pluginId, String pluginVersion, Instant hourStart) {}
}
