package io.milepost.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * V9 moves what the dropped columns and indexes held for running work into their new tables, so that a store
 * upgraded while instances run keeps the rule of one active instance per correlation key and wakes the workers of
 * a failed job when its back-off ends.
 */
class FewerIndexWritesMigrationTest {

  @Test
  void shouldCarryRunningCorrelationsAndBackOffsOverToTheirTables() throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:v9-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    migrate(h2, "8");
    try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
      for (long key = 1; key <= 3; key++) {
        s.execute("INSERT INTO process_instance (process_instance_key, process_definition_key, bpmn_process_id,"
            + " version, state, start_time, tenant_id, correlation_key) VALUES (" + key + ", 9, 'inbound', 1, "
            + (key == 3 ? "'COMPLETED'" : "'ACTIVE'") + ", 0, '<default>', " + (key == 2 ? "NULL" : "'trailer-" + key + "'")
            + ")");
      }
      s.execute(job(10, "FAILED", 5_000L));
      s.execute(job(11, "CREATED", 1_000L));
      s.execute(job(12, "FAILED", null));
    }

    migrate(h2, "9");

    assertThat(rows(h2, "SELECT process_instance_key, bpmn_process_id, correlation_key FROM message_started_instance"))
        .as("the running instance a message started with a key, not the one without a key nor the ended one")
        .containsExactly("1 inbound trailer-1");
    assertThat(rows(h2, "SELECT ends_at, job_key, job_type FROM job_backoff"))
        .as("the failed job waiting for its back-off, not the created one nor the failed one with an incident")
        .containsExactly("5000 10 pick");
    assertThat(rows(h2, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'PROCESS_INSTANCE'"
        + " AND COLUMN_NAME = 'CORRELATION_KEY'")).containsExactly("0");
  }

  private static void migrate(JdbcDataSource h2, String version) {
    Flyway.configure().dataSource(h2).locations("classpath:db/migration/engine").target(version).load().migrate();
  }

  private static String job(long key, String state, Long activatableAt) {
    return "INSERT INTO job (job_key, job_type, state, activatable_at, retries, process_instance_key,"
        + " element_instance_key, element_id, bpmn_process_id, process_definition_key, process_version,"
        + " custom_headers, kind, tenant_id, created_at) VALUES (" + key + ", 'pick', '" + state + "', " + activatableAt
        + ", 1, 1, 5, 'pick', 'inbound', 9, 1, '{}', 'BPMN_ELEMENT', '<default>', 0)";
  }

  private static List<String> rows(JdbcDataSource h2, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = h2.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(r.getString(i));
        }
        rows.add(String.join(" ", values));
      }
    }
    return rows;
  }
}
