package io.milepost.host.insight;

import io.milepost.host.insight.InsightQuery.Bucket;
import io.milepost.host.insight.SampleStats.MeasureStats;
import io.milepost.host.site.HostSchema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Per site, job type and plugin version: count, failure and BPMN-error rates, p50/p95 duration,
 * throughput and the measures, as two grouped aggregates over {@code step_record} and {@code step_measure}.
 */
public final class StepInsights {

  private static final String GROUP = "r.site_id, r.job_type, r.plugin_id, r.plugin_version";

  private final JdbcClient jdbc;

  public StepInsights(JdbcClient jdbc, HostSchema migrated) {
    this.jdbc = jdbc;
  }

  public List<StepInsight> query(InsightQuery query) {
    List<Object> params = new ArrayList<>();
    String where = where(query, params);
    String bucket = query.bucket() == null ? "CAST(NULL AS TIMESTAMP WITH TIME ZONE)"
        : "DATE_TRUNC('" + query.bucket().name() + "', r.started_at)";
    String groupBy = query.bucket() == null ? GROUP : bucket + ", " + GROUP;
    Map<Key, Map<String, MeasureStats>> measures = measures(bucket, groupBy, where, params);
    return jdbc.sql("SELECT " + bucket + " AS bucket, " + GROUP + ", COUNT(*) AS n,"
            + " SUM(CASE WHEN r." + StepSamples.FAILED + " THEN 1 ELSE 0 END) AS failures,"
            + " SUM(CASE WHEN r.outcome = 'BPMN_ERROR' THEN 1 ELSE 0 END) AS bpmn_errors,"
            + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY r.duration_ms) AS p50,"
            + " PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY r.duration_ms) AS p95,"
            + " MIN(r.started_at) AS first_at, MAX(r.started_at) AS last_at"
            + " FROM step_record r WHERE " + where + " GROUP BY " + groupBy + " ORDER BY " + groupBy)
        .params(params)
        .query((rs, rowNum) -> insight(rs, query, measures))
        .list();
  }

  private Map<Key, Map<String, MeasureStats>> measures(String bucket, String groupBy, String where,
      List<Object> params) {
    Map<Key, Map<String, MeasureStats>> byKey = new HashMap<>();
    jdbc.sql("SELECT " + bucket + " AS bucket, " + GROUP + ", m.name, COUNT(*) AS n, SUM(m.measure_value) AS total,"
            + " AVG(m.measure_value) AS mean, VAR_SAMP(m.measure_value) AS variance,"
            + " PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY m.measure_value) AS p95"
            + " FROM step_measure m JOIN step_record r ON r.id = m.step_record_id WHERE " + where
            + " GROUP BY " + groupBy + ", m.name ORDER BY m.name")
        .params(params)
        .query(rs -> {
          Double variance = Rows.nullableDouble(rs, "variance");
          byKey.computeIfAbsent(Key.of(rs), key -> new LinkedHashMap<>()).put(rs.getString("name"),
              new MeasureStats(rs.getLong("n"), rs.getDouble("total"), rs.getDouble("mean"),
                  variance == null ? 0 : variance, Rows.nullableDouble(rs, "p95")));
        });
    return byKey;
  }

  private static StepInsight insight(ResultSet rs, InsightQuery query, Map<Key, Map<String, MeasureStats>> measures)
      throws SQLException {
    Key key = Key.of(rs);
    long count = rs.getLong("n");
    Instant first = rs.getObject("first_at", OffsetDateTime.class).toInstant();
    Instant last = rs.getObject("last_at", OffsetDateTime.class).toInstant();
    return new StepInsight(key.bucket(), key.siteId(), key.jobType(), key.pluginId(), key.pluginVersion(), count,
        (double) rs.getLong("failures") / count, (double) rs.getLong("bpmn_errors") / count,
        Rows.nullableDouble(rs, "p50"), Rows.nullableDouble(rs, "p95"),
        count / hours(query, first, last), measures.getOrDefault(key, Map.of()));
  }

  /** The window the count is spread over, at least a minute so one record is no infinite rate. */
  private static double hours(InsightQuery query, Instant first, Instant last) {
    Duration window = query.bucket() != null ? Duration.ofSeconds(query.bucket().seconds())
        : Duration.between(query.from() != null ? query.from() : first, query.to() != null ? query.to() : last);
    return Math.max(window.toMillis(), 60_000) / 3_600_000.0;
  }

  private static String where(InsightQuery query, List<Object> params) {
    StringBuilder where = new StringBuilder("r.site_id IS NOT NULL AND r.plugin_id IS NOT NULL");
    add(where, params, "r.job_type = ?", query.jobType());
    add(where, params, "r.site_id = ?", query.siteId());
    add(where, params, "r.plugin_version = ?", query.pluginVersion());
    add(where, params, "r.started_at >= ?", query.from() == null ? null : OffsetDateTime.ofInstant(query.from(),
        ZoneOffset.UTC));
    add(where, params, "r.started_at < ?", query.to() == null ? null : OffsetDateTime.ofInstant(query.to(),
        ZoneOffset.UTC));
    return where.toString();
  }

  private static void add(StringBuilder where, List<Object> params, String condition, Object value) {
    if (value != null) {
      where.append(" AND ").append(condition);
      params.add(value);
    }
  }

  private record Key(Instant bucket, String siteId, String jobType, String pluginId, String pluginVersion) {

    static Key of(ResultSet rs) throws SQLException {
      OffsetDateTime bucket = rs.getObject("bucket", OffsetDateTime.class);
      return new Key(bucket == null ? null : bucket.toInstant(), rs.getString("site_id"), rs.getString("job_type"),
          rs.getString("plugin_id"), rs.getString("plugin_version"));
    }
  }
}
