package io.milepost.host.audit;

import io.milepost.host.site.HostSchema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log (table {@code audit_entry}): every change to what sites run, newest first when read. */
public final class AuditLog {

  private static final int TEXT_LENGTH = 4000;

  private final JdbcClient jdbc;
  private final Clock clock;

  public AuditLog(JdbcClient jdbc, Clock clock, HostSchema migrated) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Stores {@code entry} as happening now. */
  public void record(AuditEntry entry) {
    jdbc.sql("INSERT INTO audit_entry (occurred_at, actor, action, site_id, job_type, plugin_id, from_plugin_id,"
            + " from_version, to_version, rollout_id, reason, figure, observed, threshold)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), entry.actor(), entry.action().name(),
            entry.siteId(), entry.jobType(), entry.pluginId(), entry.fromPluginId(), entry.fromVersion(),
            entry.toVersion(), entry.rolloutId(), truncate(entry.reason()), entry.figure(), entry.observed(),
            entry.threshold())
        .update();
  }

  /** One page of the entries matching {@code query}, newest first. */
  public List<AuditEntry> search(AuditQuery query) {
    StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    filter(sql, params, "site_id = ?", query.siteId());
    filter(sql, params, "plugin_id = ?", query.pluginId());
    filter(sql, params, "rollout_id = ?", query.rolloutId());
    filter(sql, params, "occurred_at >= ?", utc(query.from()));
    filter(sql, params, "occurred_at < ?", utc(query.to()));
    sql.append(" ORDER BY id DESC LIMIT ? OFFSET ?");
    params.add(query.size());
    params.add((long) query.page() * query.size());
    return jdbc.sql(sql.toString()).params(params).query(AuditLog::row).list();
  }

  private static void filter(StringBuilder sql, List<Object> params, String condition, Object value) {
    if (value != null) {
      sql.append(" AND ").append(condition);
      params.add(value);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String truncate(String text) {
    return text == null || text.length() <= TEXT_LENGTH ? text : text.substring(0, TEXT_LENGTH);
  }

  private static AuditEntry row(ResultSet rs, int rowNum) throws SQLException {
    return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"), AuditAction.valueOf(rs.getString("action")), rs.getString("site_id"),
        rs.getString("job_type"), rs.getString("plugin_id"), rs.getString("from_plugin_id"),
        rs.getString("from_version"), rs.getString("to_version"), rs.getString("rollout_id"), rs.getString("reason"),
        rs.getString("figure"), nullableDouble(rs, "observed"), nullableDouble(rs, "threshold"));
  }

  private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }
}
