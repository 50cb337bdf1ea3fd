package io.milepost.host.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.engine.state.JournalingDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class HostSchemaTest {

  @Test
  void shouldJournalTheWritesToEveryTableTheHostsMigrationsCreate() throws Exception {
    // given a fresh H2 database behind the data source engine-host gives everyone on H2
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:host-schema-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");

    // when the host's migrations run
    HostSchema.migrate(new JournalingDataSource(h2));

    // then every table they created is one whose writes go in the journal, and has its trigger
    List<String> created = strings(h2, "SELECT table_name FROM information_schema.tables WHERE table_schema = "
        + "'PUBLIC' AND table_type = 'BASE TABLE' AND table_name <> 'milepost_host_schema_history'");
    assertThat(created).containsExactlyInAnyOrderElementsOf(
        HostSchema.TABLES.stream().map(table -> table.toUpperCase(Locale.ROOT)).toList());
    assertThat(strings(h2, "SELECT event_object_table FROM information_schema.triggers"))
        .as("tables with a trigger").containsExactlyInAnyOrderElementsOf(created.stream()
            .flatMap(table -> List.of(table, table, table).stream()).toList()); // one row per event it fires on
  }

  private static List<String> strings(JdbcDataSource h2, String query) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
