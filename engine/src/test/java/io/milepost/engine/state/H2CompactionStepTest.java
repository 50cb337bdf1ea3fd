package io.milepost.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints wait for H2's background compaction while it holds the store lock; how much one step of it rewrites
 * follows the store's commit memory, which the writer's connection shortens on every H2 database it opens.
 */
class H2CompactionStepTest {

  /** What H2 gives a store opened over JDBC: a 1024 KB commit buffer, times 19. */
  private static final int H2_DEFAULT_COMMIT_MEMORY = 1024 * 19 * 1024;

  @TempDir
  Path dataDir;

  private final JdbcDataSource dataSource = new JdbcDataSource();

  @BeforeEach
  void fileStore() {
    dataSource.setURL("jdbc:h2:" + dataDir.resolve("milepost") + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  @Test
  void shouldShortenTheCompactionStepsOfTheDatabaseTheWriterOpens() throws Exception {
    Store store = new Store(dataSource);
    try (Connection other = dataSource.getConnection()) {
      assertThat(commitMemory(other)).isEqualTo(H2_DEFAULT_COMMIT_MEMORY);

      try (StatementCache writer = store.openWriterConnection()) {
        // every connection to the database shares its store, so another one sees the writer's setting
        assertThat(commitMemory(other)).isEqualTo(H2CompactionStep.COMMIT_BUFFER_KB * 19 * 1024);
      }
    }
  }

  @Test
  void shouldShortenThemAgainWhenH2HasReopenedTheDatabase() throws Exception {
    Store store = new Store(dataSource);
    try (Connection other = dataSource.getConnection(); StatementCache writer = store.openWriterConnection()) {
      // given H2 closed the database underneath the writer (as it does after a failed write)
      try (Statement statement = other.createStatement()) {
        statement.execute("SHUTDOWN IMMEDIATELY");
      }
    }

    // when the writer opens its connection again, H2 reopens the store at its defaults and the writer shortens it
    try (Connection other = dataSource.getConnection()) {
      assertThat(commitMemory(other)).isEqualTo(H2_DEFAULT_COMMIT_MEMORY);
      try (StatementCache writer = store.openWriterConnection()) {
        assertThat(commitMemory(other)).isEqualTo(H2CompactionStep.COMMIT_BUFFER_KB * 19 * 1024);
      }
    }
  }

  @Test
  void shouldLeaveAStoreInMemoryAlone() throws Exception {
    JdbcDataSource inMemory = new JdbcDataSource();
    inMemory.setURL("jdbc:h2:mem:compaction-step;DB_CLOSE_DELAY=-1");
    Store store = new Store(inMemory);
    try (Connection other = inMemory.getConnection(); StatementCache writer = store.openWriterConnection()) {
      // H2 saves nothing of a store without a file, and keeps its commit memory at 0
      assertThat(commitMemory(other)).isZero();
    }
  }

  private static int commitMemory(Connection connection) throws Exception {
    SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
    return session.getDatabase().getStore().getMvStore().getAutoCommitMemory();
  }
}
