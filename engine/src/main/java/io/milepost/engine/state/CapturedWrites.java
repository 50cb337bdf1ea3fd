package io.milepost.engine.state;

import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements a writer transaction ran that change the store, as its {@link JournalRecord} will keep them; what a
 * rollback to a savepoint undid (a rejected command in a batch) is dropped with it.
 */
final class CapturedWrites {

  private final List<JournalRecord.Statement> statements = new ArrayList<>();
  /** How many statements there were when each open savepoint was set. */
  private final Map<Savepoint, Integer> savepoints = new IdentityHashMap<>();

  void update(String sql, Object[] args) {
    statements.add(new JournalRecord.Statement(sql, List.<Object[]>of(journalable(args))));
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
