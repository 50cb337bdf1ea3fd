package io.milepost.host.site;

import io.milepost.engine.state.JournalingDataSource;
import io.milepost.host.insight.StepRollupRebuild;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The plugin host's tables (site assignments, step records), migrated by their own Flyway instance with
 * their own history table, so the host's migrations and the engine's ({@code db/migration/engine}) are
 * versioned independently on the same database. Beans that use these tables take this one in their
 * constructor, which makes Spring migrate first.
 *
 * <p>On H2 behind a {@link JournalingDataSource} the writes to every one of these tables go in the engine's journal,
 * so that a step's records and stock are durable with the engine's next checkpoint without making it store H2's pages
 * (benchmarks/NOTES.md, stop 41). A table a migration adds belongs in {@link #TABLES}: its writes would otherwise make
 * every commit that touches it store the pages ({@code HostSchemaTest} checks the list).
 */
public final class HostSchema {

  static final String LOCATION = "classpath:db/migration/host";
  static final String HISTORY_TABLE = "milepost_host_schema_history";
  /** Every table the host's migrations create. */
  static final List<String> TABLES = List.of("site_plugin_assignment", "step_record", "plugin_upload",
      "plugin_withdrawal", "rollout", "rollout_wave", "rollout_target", "audit_entry", "step_measure",
      "site_data_version", "inventory_position", "inventory_reservation", "inventory_movement", "recorded_action",
      "step_rollup", "step_rollup_measure", "step_rollup_bucket", "site_plugin_history", "inventory_event_cursor");

  private HostSchema() {}

  /** Migrates the host's tables on {@code dataSource}; public for tests and measurements that run without Spring. */
  public static HostSchema migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(LOCATION)
        .table(HISTORY_TABLE)
        // The schema already holds the engine's tables, which Flyway would otherwise refuse to touch.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        // 5.1 fills the hourly step rollups of V5 from the records already stored, in Java (its bucketing).
        .javaMigrations(new StepRollupRebuild())
        .load()
        .migrate();
    if (dataSource instanceof JournalingDataSource journaling) {
      journaling.journalWritesTo(TABLES);
    }
    return new HostSchema();
  }
}
