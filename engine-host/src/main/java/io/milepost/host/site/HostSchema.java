package io.milepost.host.site;

import io.milepost.host.insight.StepRollupRebuild;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The plugin host's tables (site assignments, step records), migrated by their own Flyway instance with
 * their own history table, so the host's migrations and the engine's ({@code db/migration/engine}) are
 * versioned independently on the same database. Beans that use these tables take this one in their
 * constructor, which makes Spring migrate first.
 */
public final class HostSchema {

  static final String LOCATION = "classpath:db/migration/host";
  static final String HISTORY_TABLE = "milepost_host_schema_history";

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
    return new HostSchema();
  }
}
