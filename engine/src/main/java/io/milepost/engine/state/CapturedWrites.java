package io.milepost.engine.state;

import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements a transaction ran that change the store, as its {@link JournalRecord} will keep them: the writer's
 * own statements, or the rows another connection wrote to journaled tables ({@link JournaledTableTrigger}). What a
 * rollback to a savepoint undid (a rejected command in a batch), or a failed statement, is dropped with it.
 */
final class CapturedWrites {

  private final List<JournalRecord.Statement> statements = new ArrayList<>();
  /** How many statements there were when each open savepoint was set. */
  private final Map<Savepoint, Integer> savepoints = new IdentityHashMap<>();
  /** Whether a row held a value the journal cannot keep: the transaction is then made durable by a page store. */
  private boolean complete = true;

  void update(String sql, Object[] args) {
    statements.add(new JournalRecord.Statement(sql, List.<Object[]>of(journalable(args))));
  }

  /**
   * A row as a journaled table's trigger saw it written; one with a value the journal cannot keep leaves the capture
   * incomplete rather than failing the write.
   */
  void row(String sql, Object[] values) {
    try {
      update(sql, values);
    } catch (IllegalArgumentException notJournalable) {
      complete = false;
    }
  }

  boolean complete() {
    return complete;
  }

  int size() {
    return statements.size();
  }

  /** Drops what came after the first {@code size} statements: a statement that failed, which H2 undid. */
  void truncate(int size) {
    statements.subList(size, statements.size()).clear();
  }

  void batch(String sql, List<Object[]> rows) {
    List<Object[]> copies = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      copies.add(journalable(row));
    }
    statements.add(new JournalRecord.Statement(sql, copies));
  }

  void savepointSet(Savepoint savepoint) {
    savepoints.put(savepoint, statements.size());
  }

  void rolledBackTo(Savepoint savepoint) {
    Integer mark = savepoints.get(savepoint);
    if (mark == null) {
      throw new IllegalStateException("A rollback to a savepoint this transaction did not set (or released)");
    }
    statements.subList(mark, statements.size()).clear();
  }

  void released(Savepoint savepoint) {
    savepoints.remove(savepoint);
  }

  List<JournalRecord.Statement> statements() {
    return List.copyOf(statements);
  }

  /** A copy, so that the caller may reuse its array; each argument checked (and an enum turned into its name). */
  private static Object[] journalable(Object[] args) {
    Object[] copy = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      copy[i] = JournalRecord.journalable(args[i]);
    }
    return copy;
  }
}
