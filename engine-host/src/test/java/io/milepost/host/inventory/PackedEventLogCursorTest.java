package io.milepost.host.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.engine.api.EngineEvent;
import io.milepost.engine.query.JdbcEngineQueries;
import io.milepost.host.insight.StepRollupRebuild;
import io.milepost.host.site.HostSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's V10 packs a command's events into one row and multiplies every position by 256; the host's V8 moves
 * the position its release of terminated instances had read up to along, so that an upgraded host neither handles
 * the instances it had already handled again nor skips those terminated after.
 */
class PackedEventLogCursorTest {

  @Test
  void shouldGoOnAfterTheLastEventReadBeforeTheUpgrade() throws SQLException {
    // given: a host that read the log up to instance 1's termination, before the upgrade
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:v10-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(h2).locations("classpath:db/migration/engine").target("9").load().migrate();
    Flyway.configure().dataSource(h2).locations("classpath:db/migration/host").table("milepost_host_schema_history")
        .baselineOnMigrate(true).baselineVersion("0").javaMigrations(new StepRollupRebuild()).target("7").load()
        .migrate();
    execute(h2, terminated(1));
    execute(h2, "INSERT INTO inventory_event_cursor (name, position) SELECT 'terminated-instances', MAX(position)"
        + " FROM event_log");

    // when: both are upgraded and instance 2 terminates
    Flyway.configure().dataSource(h2).locations("classpath:db/migration/engine").load().migrate();
    HostSchema.migrate(h2);
    execute(h2, terminated(2));

    // then
    long cursor = JdbcClient.create(h2).sql("SELECT position FROM inventory_event_cursor").query(Long.class).single();
    JdbcEngineQueries engine = new JdbcEngineQueries(h2, JsonMapper.builder().build());
    assertThat(engine.eventsBetween(cursor, engine.lastEventPosition(), "ELEMENT_TERMINATED", "PROCESS"))
        .extracting(EngineEvent::processInstanceKey).containsExactly(2L);
  }

  private static String terminated(long processInstanceKey) {
    return "INSERT INTO event_log (record_key, value_type, intent, process_instance_key, element_id, element_type,"
        + " created_at) VALUES (" + processInstanceKey + ", 'PROCESS_INSTANCE', 'ELEMENT_TERMINATED', "
        + processInstanceKey + ", 'order', 'PROCESS', 0)";
  }

  private static void execute(JdbcDataSource h2, String sql) throws SQLException {
    try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
