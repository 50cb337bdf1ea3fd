package io.milepost.host.insight;

import io.milepost.host.insight.StepTally.MeasureTally;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the hourly rollups ({@code step_rollup}, {@code step_rollup_measure}, {@code step_rollup_bucket}):
 * adds a tally to its hour's rows with standard MERGE statements (H2 and PostgreSQL 15+). Two writers that
 * create the same new row at once make one of them fail with a duplicate key; the caller retries its
 * transaction (StepRecords does).
 */
public final class StepRollups {

  private static final String KEY_COLUMNS = "CAST(? AS VARCHAR(255)) AS job_type, CAST(? AS VARCHAR(100)) AS site_id,"
      + " CAST(? AS VARCHAR(100)) AS plugin_id, CAST(? AS VARCHAR(100)) AS plugin_version,"
      + " CAST(? AS TIMESTAMP WITH TIME ZONE) AS hour_start";
  private static final String KEY_MATCH = "t.job_type = s.job_type AND t.site_id = s.site_id"
      + " AND t.plugin_id = s.plugin_id AND t.plugin_version = s.plugin_version AND t.hour_start = s.hour_start";
  private static final String KEY_INSERT = "s.job_type, s.site_id, s.plugin_id, s.plugin_version, s.hour_start";

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
    jdbc.sql("MERGE INTO step_rollup t USING (SELECT " + KEY_COLUMNS + ", CAST(? AS BIGINT) AS jobs,"
            + " CAST(? AS BIGINT) AS failures, CAST(? AS BIGINT) AS bpmn_errors,"
            + " CAST(? AS TIMESTAMP WITH TIME ZONE) AS first_at, CAST(? AS TIMESTAMP WITH TIME ZONE) AS last_at) s"
            + " ON " + KEY_MATCH
            + " WHEN MATCHED THEN UPDATE SET jobs = t.jobs + s.jobs, failures = t.failures + s.failures,"
            + " bpmn_errors = t.bpmn_errors + s.bpmn_errors, first_at = LEAST(t.first_at, s.first_at),"
            + " last_at = GREATEST(t.last_at, s.last_at)"
            + " WHEN NOT MATCHED THEN INSERT (job_type, site_id, plugin_id, plugin_version, hour_start, jobs, failures,"
            + " bpmn_errors, first_at, last_at) VALUES (" + KEY_INSERT + ", s.jobs, s.failures, s.bpmn_errors,"
            + " s.first_at, s.last_at)")
        .params(key.jobType(), key.siteId(), key.pluginId(), key.pluginVersion(), utc(key.hourStart()), tally.jobs(),
            tally.failures(), tally.bpmnErrors(), utc(tally.first()), utc(tally.last()))
        .update();
    writeBuckets(key, StepTally.DURATION, tally.durations());
    for (Map.Entry<String, MeasureTally> measure : tally.measures().entrySet()) {
      MeasureTally sums = measure.getValue();
      jdbc.sql("MERGE INTO step_rollup_measure t USING (SELECT " + KEY_COLUMNS + ", CAST(? AS VARCHAR(100)) AS name,"
              + " CAST(? AS BIGINT) AS value_count, CAST(? AS DOUBLE PRECISION) AS total,"
              + " CAST(? AS DOUBLE PRECISION) AS total_squares) s ON " + KEY_MATCH + " AND t.name = s.name"
              + " WHEN MATCHED THEN UPDATE SET value_count = t.value_count + s.value_count, total = t.total + s.total,"
              + " total_squares = t.total_squares + s.total_squares"
              + " WHEN NOT MATCHED THEN INSERT (job_type, site_id, plugin_id, plugin_version, hour_start, name,"
              + " value_count, total, total_squares) VALUES (" + KEY_INSERT + ", s.name, s.value_count, s.total,"
              + " s.total_squares)")
          .params(key.jobType(), key.siteId(), key.pluginId(), key.pluginVersion(), utc(key.hourStart()),
              measure.getKey(), sums.count(), sums.total(), sums.squares())
          .update();
      writeBuckets(key, measure.getKey(), sums.histogram());
    }
  }

  private void writeBuckets(HourKey key, String series, Histogram histogram) {
    histogram.buckets().forEach((bucket, n) -> jdbc.sql("MERGE INTO step_rollup_bucket t USING (SELECT "
            + KEY_COLUMNS + ", CAST(? AS VARCHAR(100)) AS series, CAST(? AS INT) AS bucket, CAST(? AS BIGINT) AS n) s"
            + " ON " + KEY_MATCH + " AND t.series = s.series AND t.bucket = s.bucket"
            + " WHEN MATCHED THEN UPDATE SET n = t.n + s.n"
            + " WHEN NOT MATCHED THEN INSERT (job_type, site_id, plugin_id, plugin_version, hour_start, series, bucket, n)"
            + " VALUES (" + KEY_INSERT + ", s.series, s.bucket, s.n)")
        .params(key.jobType(), key.siteId(), key.pluginId(), key.pluginVersion(), utc(key.hourStart()), series, bucket,
            n)
        .update());
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** One rollup row's key: a site, job type and plugin version in one hour. */
  record HourKey(String jobType, String siteId, String pluginId, String pluginVersion, Instant hourStart) {}
}
