package io.milepost.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.engine.api.BusinessIdPaths;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The writer keeps its prepared statements for good, so what a client chooses must not add new ones. */
class ActivationStatementTest {

  @Test
  void shouldPrepareOneActivationStatementWhateverLimitClientsAskFor() {
    // given the writer's connection
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:activation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Store store = new Store(dataSource);
    try (StatementCache writer = store.openWriterConnection()) {

      // when clients ask for 500 different numbers of jobs
      store.inTransaction(writer, sql -> {
        Jobs jobs = new EngineState(sql, JsonMapper.builder().build(), () -> 1L, 0L, BusinessIdPaths.NONE).jobs();
        for (int limit = 1; limit <= 500; limit++) {
          jobs.activatable("work", 0L, limit);
        }
        return null;
      });

      // then one statement serves them all (the commit's checkpoint is the other)
      assertThat(writer.size()).isLessThanOrEqualTo(2);
    }
  }
}
