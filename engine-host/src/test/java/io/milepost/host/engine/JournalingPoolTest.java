package io.milepost.host.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.milepost.engine.state.JournalingDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class JournalingPoolTest {

  @Test
  void shouldHandOutAnH2PoolAsAJournalingDataSource() {
    HikariDataSource pool = pool("jdbc:h2:file:./data/milepost");

    Object handedOut = new JournalingPool(new MockEnvironment()).postProcessAfterInitialization(pool, "dataSource");

    assertThat(handedOut).isInstanceOfSatisfying(JournalingDataSource.class,
        journaling -> assertThat(journaling.target()).isSameAs(pool));
  }

  @Test
  void shouldLeaveAPostgresPoolAndAnH2PoolWithTheJournalSwitchedOffAsTheyAre() {
    HikariDataSource postgres = pool("jdbc:postgresql://127.0.0.1:5432/test");
    HikariDataSource h2 = pool("jdbc:h2:file:./data/milepost");
    MockEnvironment journalOff = new MockEnvironment().withProperty("milepost.engine.h2-journal", "false");

    assertThat(new JournalingPool(new MockEnvironment()).postProcessAfterInitialization(postgres, "dataSource"))
        .isSameAs(postgres);
    assertThat(new JournalingPool(journalOff).postProcessAfterInitialization(h2, "dataSource")).isSameAs(h2);
  }

  /** A pool that is configured but not started: it opens no connection until asked for one. */
  private static HikariDataSource pool(String url) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    return pool;
  }
}
