package io.milepost.host.insight;

import io.milepost.host.insight.InsightQuery.Bucket;
import io.milepost.host.site.HostSchema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Per site, job type and plugin version: count, failure and BPMN-error rates, p50/p95 duration,
 * throughput and the measures. Whole hours of the window come from the hourly rollups ({@link StepRollups},
 * kept in the transaction of each record, so they are current); the parts of an hour at either end of the
 * window, and minute buckets, from the step records themselves. Counts, rates, sums and means are exact;
 * p50 and p95 are read from logarithmic buckets and are within {@link LogBuckets#RELATIVE_ERROR} (9.1 %) of
 * the nearest-rank percentile. Step records are kept for a {@link RecordRetention} only: where a window's end lies
 * before that, in a part of an hour whose records may be gone, the whole rollup hour around it answers instead
 * (the window is widened to whole hours there; minute buckets, which only records give, are empty there).
 */
public final class StepInsights {

  private static final String KEY = "job_type, site_id, plugin_id, plugin_version";
  private static final Comparator<Key> ORDER = Comparator.comparing(Key::bucket,
          Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
      .thenComparing(Key::siteId).thenComparing(Key::jobType).thenComparing(Key::pluginId)
      .thenComparing(Key::pluginVersion);

  private final JdbcClient jdbc;
  private final RecordRetention retention;

  public StepInsights(JdbcClient jdbc, HostSchema migrated, RecordRetention retention) {
    this.jdbc = jdbc;
    this.retention = retention;
  }

  public List<StepInsight> query(InsightQuery query) {
    Map<Key, StepTally> tallies = new TreeMap<>(ORDER);
    Instant from = query.from();
    Instant to = query.to();
    Instant keptFrom = retention.keptFrom();
    // a part of an hour at an end of the window is read from the records while they are kept, else from its hour
    Instant wholeFrom = from == null ? null : from.isBefore(keptFrom) ? from.truncatedTo(ChronoUnit.HOURS)
        : ceilHour(from);
    Instant wholeTo = to == null ? null : to.truncatedTo(ChronoUnit.HOURS);
    if (wholeTo != null && wholeTo.isBefore(keptFrom)) {
      wholeTo = ceilHour(to);
    }
    if (query.bucket() == Bucket.MINUTE || (wholeFrom != null && wholeTo != null && !wholeFrom.isBefore(wholeTo))) {
      fromRecords(query, from, to, tallies);
    } else {
      fromRollups(query, wholeFrom, wholeTo, tallies);
      if (from != null && from.isBefore(wholeFrom)) {
        fromRecords(query, from, wholeFrom, tallies);
      }
      if (to != null && wholeTo.isBefore(to)) {
        fromRecords(query, wholeTo, to, tallies);
      }
    }
    // what the counts cover: the window, widened to whole hours where only rollups were left to read
    Instant spanFrom = from == null || from.isBefore(wholeFrom) ? from : wholeFrom;
    Instant spanTo = to == null || wholeTo.isBefore(to) ? to : wholeTo;
    List<StepInsight> insights = new ArrayList<>();
    tallies.forEach((key, tally) -> insights.add(insight(key, tally, query.bucket(), spanFrom, spanTo)));
    return insights;
  }

  private void fromRollups(InsightQuery query, Instant from, Instant to, Map<Key, StepTally> tallies) {
    List<Object> params = new ArrayList<>();
    String where = where(query, "hour_start", from, to, params);
    String group = query.bucket() == null ? KEY : "hour_start, " + KEY;
    jdbc.sql("SELECT " + group + ", SUM(jobs) AS jobs, SUM(failures) AS failures,"
            + " SUM(bpmn_errors) AS bpmn_errors, MIN(first_at) AS first_at, MAX(last_at) AS last_at"
            + " FROM step_rollup WHERE " + where + " GROUP BY " + group)
        .params(params)
        .query(rs -> {
          tally(tallies, rs, query, "hour_start").addCounts(rs.getLong("jobs"), rs.getLong("failures"),
              rs.getLong("bpmn_errors"), instant(rs, "first_at"), instant(rs, "last_at"));
        });
    jdbc.sql("SELECT " + group + ", series, bucket, SUM(n) AS n FROM step_rollup_bucket WHERE " + where
            + " GROUP BY " + group + ", series, bucket")
        .params(params)
        .query(rs -> {
          tally(tallies, rs, query, "hour_start").addBucket(rs.getString("series"), rs.getInt("bucket"),
              rs.getLong("n"));
        });
    jdbc.sql("SELECT " + group + ", name, SUM(value_count) AS value_count, SUM(total) AS total,"
            + " SUM(total_squares) AS total_squares FROM step_rollup_measure WHERE " + where
            + " GROUP BY " + group + ", name")
        .params(params)
        .query(rs -> {
          tally(tallies, rs, query, "hour_start").addMeasureSums(rs.getString("name"), rs.getLong("value_count"),
              rs.getDouble("total"), rs.getDouble("total_squares"));
        });
  }

  private void fromRecords(InsightQuery query, Instant from, Instant to, Map<Key, StepTally> tallies) {
    List<Object> params = new ArrayList<>();
    String where = "site_id IS NOT NULL AND plugin_id IS NOT NULL AND " + where(query, "started_at", from, to, params);
    jdbc.sql("SELECT " + KEY + ", started_at, outcome, duration_ms FROM step_record WHERE " + where)
        .params(params)
        .query(rs -> {
          tally(tallies, rs, query, "started_at").addStep(rs.getString("outcome"), rs.getLong("duration_ms"),
              instant(rs, "started_at"));
        });
    jdbc.sql("SELECT " + KEY + ", started_at, m.name, m.measure_value FROM step_measure m"
            + " JOIN step_record r ON r.id = m.step_record_id WHERE " + where)
        .params(params)
        .query(rs -> {
          tally(tallies, rs, query, "started_at").addMeasure(rs.getString("name"), rs.getDouble("measure_value"));
        });
  }

  private static StepTally tally(Map<Key, StepTally> tallies, ResultSet rs, InsightQuery query, String timeColumn)
      throws SQLException {
    Instant bucket = query.bucket() == null ? null : bucketStart(query.bucket(), instant(rs, timeColumn));
    return tallies.computeIfAbsent(new Key(bucket, rs.getString("site_id"), rs.getString("job_type"),
        rs.getString("plugin_id"), rs.getString("plugin_version")), key -> new StepTally());
  }

  /** Buckets in UTC, like the rollup hours. */
  private static Instant bucketStart(Bucket bucket, Instant at) {
    return switch (bucket) {
      case MINUTE -> at.truncatedTo(ChronoUnit.MINUTES);
      case HOUR -> at.truncatedTo(ChronoUnit.HOURS);
      case DAY -> at.truncatedTo(ChronoUnit.DAYS);
    };
  }

  private static StepInsight insight(Key key, StepTally tally, Bucket bucket, Instant from, Instant to) {
    long count = tally.jobs();
    return new StepInsight(key.bucket(), key.siteId(), key.jobType(), key.pluginId(), key.pluginVersion(), count,
        (double) tally.failures() / count, (double) tally.bpmnErrors() / count, tally.durations().percentile(0.5),
        tally.durations().percentile(0.95), count / hours(bucket, from, to, tally.first(), tally.last()),
        tally.measureStats());
  }

  /** The window the count is spread over, at least a minute so one record is no infinite rate. */
  private static double hours(Bucket bucket, Instant from, Instant to, Instant first, Instant last) {
    Duration window = bucket != null ? Duration.ofSeconds(bucket.seconds())
        : Duration.between(from != null ? from : first, to != null ? to : last);
    return Math.max(window.toMillis(), 60_000) / 3_600_000.0;
  }

  private static String where(InsightQuery query, String timeColumn, Instant from, Instant to, List<Object> params) {
    StringBuilder where = new StringBuilder("1 = 1");
    add(where, params, "job_type = ?", query.jobType());
    add(where, params, "site_id = ?", query.siteId());
    add(where, params, "plugin_version = ?", query.pluginVersion());
    add(where, params, timeColumn + " >= ?", from == null ? null : OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
    add(where, params, timeColumn + " < ?", to == null ? null : OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
    return where.toString();
  }

  private static void add(StringBuilder where, List<Object> params, String condition, Object value) {
    if (value != null) {
      where.append(" AND ").append(condition);
      params.add(value);
    }
  }

  private static Instant ceilHour(Instant at) {
    Instant hour = at.truncatedTo(ChronoUnit.HOURS);
    return hour.equals(at) ? hour : hour.plus(Duration.ofHours(1));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private record Key(Instant bucket, String siteId, String jobType, String pluginId, String pluginVersion) {}
}
