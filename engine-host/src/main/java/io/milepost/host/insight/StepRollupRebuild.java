package io.milepost.host.insight;

import io.milepost.host.insight.StepRollups.HourKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Host migration 5.1: fills the hourly rollups (V5) from the step records stored before them, with the same
 * bucketing as the live path ({@link StepRollups#add(java.util.List)}), one job type and site at a time so memory stays
 * small. Also what a measurement calls after loading records in bulk.
 */
public final class StepRollupRebuild implements JavaMigration {

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("5.1");
  }

  @Override
  public String getDescription() {
    return "roll up the step records stored before V5";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) {
    rebuild(JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true)));
  }

  /** Replaces the rollups by ones computed from all step records. */
  public static void rebuild(JdbcClient jdbc) {
    jdbc.sql("DELETE FROM step_rollup_bucket").update();
    jdbc.sql("DELETE FROM step_rollup_measure").update();
    jdbc.sql("DELETE FROM step_rollup").update();
    StepRollups rollups = new StepRollups(jdbc);
    List<List<String>> steps = jdbc.sql("SELECT DISTINCT job_type, site_id FROM step_record"
            + " WHERE site_id IS NOT NULL AND plugin_id IS NOT NULL")
        .query((rs, rowNum) -> List.of(rs.getString(1), rs.getString(2)))
        .list();
    for (List<String> step : steps) {
      Map<HourKey, StepTally> hours = new LinkedHashMap<>();
      long[] lastRecord = {-1};
      jdbc.sql("SELECT r.id, r.plugin_id, r.plugin_version, r.outcome, r.started_at, r.duration_ms, m.name,"
              + " m.measure_value FROM step_record r LEFT JOIN step_measure m ON m.step_record_id = r.id"
              + " WHERE r.job_type = ? AND r.site_id = ? AND r.plugin_id IS NOT NULL ORDER BY r.id")
          .params(step.get(0), step.get(1))
          .query(rs -> {
            add(rs, hours.computeIfAbsent(key(rs, step), key -> new StepTally()), lastRecord);
          });
      hours.forEach(rollups::write);
    }
  }

  private static HourKey key(ResultSet rs, List<String> step) throws SQLException {
    Instant startedAt = rs.getObject("started_at", OffsetDateTime.class).toInstant();
    return new HourKey(step.get(0), step.get(1), rs.getString("plugin_id"), rs.getString("plugin_version"),
        StepRollups.hourOf(startedAt));
  }

  /** A record with several measures comes as several rows, one after the other (ordered by id). */
  private static void add(ResultSet rs, StepTally tally, long[] lastRecord) throws SQLException {
    long id = rs.getLong("id");
    if (id != lastRecord[0]) {
      tally.addStep(rs.getString("outcome"), rs.getLong("duration_ms"),
          rs.getObject("started_at", OffsetDateTime.class).toInstant());
      lastRecord[0] = id;
    }
    String measure = rs.getString("name");
    if (measure != null) {
      tally.addMeasure(measure, rs.getDouble("measure_value"));
    }
  }
}
