package io.milepost.host.insight;

import io.milepost.host.insight.SampleStats.MeasureStats;
import io.milepost.host.site.HostSchema;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Summarises a {@link StepSample} in SQL (portable: PERCENTILE_CONT and VAR_SAMP exist in H2 and
 * PostgreSQL), so it stays one indexed aggregate however many step records there are.
 */
public final class StepSamples {

  static final String FAILED = "outcome IN ('FAILED', 'TIMED_OUT')";

  private final JdbcClient jdbc;

  public StepSamples(JdbcClient jdbc, HostSchema migrated) {
    this.jdbc = jdbc;
  }

  public SampleStats stats(StepSample sample) {
    if (sample.siteIds().isEmpty()) {
      return SampleStats.EMPTY;
    }
    List<Object> params = new ArrayList<>();
    String where = where(sample, params, "r.");
    SampleStats counts = jdbc.sql("SELECT COUNT(*) AS n, SUM(CASE WHEN r." + FAILED + " THEN 1 ELSE 0 END) AS failures,"
            + " SUM(CASE WHEN r.outcome = 'BPMN_ERROR' THEN 1 ELSE 0 END) AS bpmn_errors,"
            + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY r.duration_ms) AS p50,"
            + " PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY r.duration_ms) AS p95"
            + " FROM step_record r WHERE " + where)
        .params(params)
        .query((rs, rowNum) -> new SampleStats(rs.getLong("n"), rs.getLong("failures"), rs.getLong("bpmn_errors"),
            Rows.nullableDouble(rs, "p50"), Rows.nullableDouble(rs, "p95"), Map.of()))
        .single();
    if (counts.count() == 0) {
      return SampleStats.EMPTY;
    }
    return new SampleStats(counts.count(), counts.failures(), counts.bpmnErrors(), counts.p50Ms(), counts.p95Ms(),
        measures(where, params));
  }

  /** How many of the sample's jobs took longer than {@code durationMs}. */
  public long countLongerThan(StepSample sample, double durationMs) {
    if (sample.siteIds().isEmpty()) {
      return 0;
    }
    List<Object> params = new ArrayList<>();
    String where = where(sample, params, "r.");
    params.add(durationMs);
    return jdbc.sql("SELECT COUNT(*) FROM step_record r WHERE " + where + " AND r.duration_ms > ?")
        .params(params)
        .query(Long.class)
        .single();
  }

  private Map<String, MeasureStats> measures(String where, List<Object> params) {
    Map<String, MeasureStats> measures = new LinkedHashMap<>();
    jdbc.sql("SELECT m.name, COUNT(*) AS n, SUM(m.measure_value) AS total, AVG(m.measure_value) AS mean,"
            + " VAR_SAMP(m.measure_value) AS variance,"
            + " PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY m.measure_value) AS p95"
            + " FROM step_measure m JOIN step_record r ON r.id = m.step_record_id WHERE " + where
            + " GROUP BY m.name ORDER BY m.name")
        .params(params)
        .query(rs -> {
          Double variance = Rows.nullableDouble(rs, "variance");
          measures.put(rs.getString("name"), new MeasureStats(rs.getLong("n"), rs.getDouble("total"),
              rs.getDouble("mean"), variance == null ? 0 : variance, Rows.nullableDouble(rs, "p95")));
        });
    return Collections.unmodifiableMap(measures);
  }

  private static String where(StepSample sample, List<Object> params, String alias) {
    StringBuilder where = new StringBuilder(alias + "job_type = ? AND " + alias + "site_id IN (");
    params.add(sample.jobType());
    for (int i = 0; i < sample.siteIds().size(); i++) {
      where.append(i == 0 ? "?" : ", ?");
      params.add(sample.siteIds().get(i));
    }
    where.append(")");
    if (sample.onVersion()) {
      where.append(" AND ").append(alias).append("plugin_id = ? AND ").append(alias).append("plugin_version = ?");
    } else {
      where.append(" AND ").append(alias).append("plugin_id IS NOT NULL AND NOT (").append(alias)
          .append("plugin_id = ? AND ").append(alias).append("plugin_version = ?)");
    }
    params.add(sample.plugin().pluginId());
    params.add(sample.plugin().version());
    if (sample.from() != null) {
      where.append(" AND ").append(alias).append("started_at >= ?");
      params.add(OffsetDateTime.ofInstant(sample.from(), ZoneOffset.UTC));
    }
    if (sample.to() != null) {
      where.append(" AND ").append(alias).append("started_at < ?");
      params.add(OffsetDateTime.ofInstant(sample.to(), ZoneOffset.UTC));
    }
    return where.toString();
  }
}
