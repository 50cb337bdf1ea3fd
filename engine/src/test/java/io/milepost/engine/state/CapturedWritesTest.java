package io.milepost.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milepost.engine.api.JobState;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapturedWritesTest {

  @Test
  void shouldKeepWhatTheTransactionKeptAndDropWhatASavepointRolledBack() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:captured")) {
      connection.createStatement().execute("CREATE TABLE t (k BIGINT, state VARCHAR(20))");
      connection.setAutoCommit(false);
      CapturedWrites captured = new CapturedWrites();
      Sql sql = new Sql(connection, Dialect.H2, null, captured);

      // when one command's writes are kept and the next one's rolled back to its savepoint
      Savepoint first = sql.savepoint();
      sql.update("INSERT INTO t VALUES (?, ?)", 1L, JobState.CREATED);
      sql.release(first);
      Savepoint second = sql.savepoint();
      sql.batch("INSERT INTO t VALUES (?, ?)", List.<Object[]>of(new Object[] {2L, "a"}, new Object[] {3L, "b"}));
      sql.rollbackTo(second);
      sql.query("SELECT k FROM t", row -> row.getLong(1));

      // then only the kept write is captured, with the enum as the name it was bound as
      assertThat(captured.statements()).singleElement().satisfies(statement -> {
        assertThat(statement.sql()).isEqualTo("INSERT INTO t VALUES (?, ?)");
        assertThat(statement.rows()).singleElement().isEqualTo(new Object[] {1L, "CREATED"});
      });
    }
  }

  @Test
  void shouldRefuseAnArgumentTheJournalCannotKeep() {
    assertThatThrownBy(() -> new CapturedWrites().update("UPDATE t SET at = ?", new Object[] {Instant.EPOCH}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Expected a statement argument the journal can keep (a number, text, a boolean, bytes, a time with "
            + "its offset or null), but found a java.time.Instant");
  }

  @Test
  void shouldLeaveTheCaptureIncompleteForARowWithAValueItCannotKeepRatherThanFailTheWrite() {
    CapturedWrites captured = new CapturedWrites();

    captured.row("MERGE INTO t KEY (k) VALUES (?, ?)", new Object[] {1L, Instant.EPOCH});

    assertThat(captured.complete()).as("complete, so journaled rather than stored as H2's pages").isFalse();
  }
}
