package io.milepost.engine.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the writer's commits on an H2 file store durable by an append to a {@link Journal} and a force of it, rather
 * than by storing H2's pages each time: a checkpoint that stores pages wrote about 124 KB in 125 pages for a few
 * commands (benchmarks/NOTES.md, stop 37), a journal record is the statements themselves. H2's pages are still stored,
 * every {@link #storeInterval()} on a thread of the store's own (and by H2's own background thread), and the journal's
 * segments up to what they hold are then deleted.
 *
 * <p>Each journaled transaction also writes its position into {@code journal_position}; so the store's file knows
 * which records it holds, and on start the records after that position are run again ({@link #recover}).
 *
 * <p>Only the writer's transactions are journaled. Anything else that commits to the same database (engine-host's
 * step records, stock, rollouts) becomes durable when H2's pages are stored; such a commit may come before a writer's
 * commit that relies on it (a plugin reserves stock, then completes its job), so a commit by anyone else makes the next
 * checkpoint store the pages before it answers ({@link #othersCommitted}). That is why the store journals only when
 * it is given a {@link JournalingDataSource}, which tells it of those commits.
 */
final class CommitJournal implements AutoCloseable {

  private static final String POSITION_UPDATE = "UPDATE journal_position SET position = ? WHERE id = 1";
  private static final Logger LOG = LoggerFactory.getLogger(CommitJournal.class);

  private final Journal journal;
  private final Duration storeInterval;
  private final Queue<JournalRecord> unjournaled = new ConcurrentLinkedQueue<>();
  /** Set when anyone but the writer committed; at first, since whatever ran before the engine is not journaled. */
  private final AtomicBoolean othersCommitted = new AtomicBoolean(true);
  private volatile long lastCommitted;

  CommitJournal(Journal journal, long lastCommitted, Duration storeInterval) {
    this.journal = journal;
    this.lastCommitted = lastCommitted;
    this.storeInterval = storeInterval;
  }

  /** How often the store's thread stores the pages, so that the journal (and a restart's replay) stays short. */
  Duration storeInterval() {
    return storeInterval;
  }

  /** Writer: gives the transaction {@code sql} runs its position (written with it, so journaled with it too). */
  long stamp(Sql sql) {
    long position = lastCommitted + 1;
    sql.update(POSITION_UPDATE, position);
    return position;
  }

  /** Writer: the transaction stamped {@code position} committed (not durable yet) with these writes. */
  void committed(long position, CapturedWrites writes) {
    unjournaled.add(new JournalRecord(position, writes.statements()));
    lastCommitted = position;
  }

  /** Someone other than the writer committed (see the class comment). */
  void othersCommitted() {
    othersCommitted.set(true);
  }

  long lastCommitted() {
    return lastCommitted;
  }

  /** Checkpoint: appends what was committed since the last time (forced later, by {@link #force} or the store). */
  synchronized void appendCommitted() {
    List<JournalRecord> records = new ArrayList<>();
    JournalRecord record;
    while ((record = unjournaled.poll()) != null) {
      records.add(record);
    }
    try {
      journal.append(records);
    } catch (RuntimeException failed) {
      othersCommitted.set(true); // the records missing from the journal must reach the store's file instead
      throw failed;
    }
  }

  void force() {
    journal.force();
  }

  /**
   * Checkpoint: whether anyone else committed since the last time, so that this checkpoint must store H2's pages
   * before it answers (and then call {@link #stored} or {@link #storeFailed}).
   */
  boolean othersCommittedSinceAsked() {
    return othersCommitted.getAndSet(false);
  }

  void storeFailed() {
    othersCommitted.set(true);
  }

  /** The pages were stored and forced with every commit up to {@code position}: its records are not needed. */
  void stored(long position) {
    journal.dropThrough(position);
  }

  /**
   * On a new connection to the store (the turns held, so no writer transaction is under way): if the database lost
   * commits, because H2 closed it after a failure (a full disk) and reopened it as its file held it, runs them again
   * from the journal and from what is still to be appended, before anything else writes. Their commands were or will
   * be acknowledged.
   */
  synchronized void recoverLost(Connection connection) {
    try {
      long stored = readPosition(connection);
      if (stored >= lastCommitted) {
        return;
      }
      List<JournalRecord> records = new ArrayList<>(journal.read());
      records.addAll(unjournaled);
      runAgain(connection, records, stored, journal);
      LOG.warn("The store's database had lost the commits after position {} (H2 closed and reopened it after a "
          + "failure); ran the {} up to {} again from the journal", stored, lastCommitted - stored, lastCommitted);
    } catch (SQLException e) {
      throw new StoreException("Failed to read the journal position from the reopened store", e);
    }
  }

  /** After a last store that holds everything: the journal is empty. */
  void clear() {
    journal.clear();
  }

  @Override
  public void close() {
    journal.close();
  }

  /**
   * Runs again, in order, the journal's records after the position the store's file holds, forces the store, and
   * empties the journal; returns the last position. Refuses (and changes nothing) when records are missing.
   */
  static long recover(Connection connection, Journal journal) {
    try {
      long stored = readPosition(connection);
      long last = runAgain(connection, journal.read(), stored, journal);
      try (Statement statement = connection.createStatement()) {
        statement.execute("CHECKPOINT SYNC");
      }
      journal.clear();
      if (last > stored) {
        LOG.info("Ran again the {} commits (positions {} to {}) the journal held beyond the store's file",
            last - stored, stored + 1, last);
      }
      return last;
    } catch (SQLException e) {
      throw new StoreException("Failed to recover the store's commits from the journal in " + journal.directory(), e);
    }
  }

  /** Runs the records after {@code stored} again, each in a transaction; returns the last position. */
  private static long runAgain(Connection connection, List<JournalRecord> records, long stored, Journal journal)
      throws SQLException {
    List<JournalRecord> missing = records.stream().filter(record -> record.position() > stored).toList();
    long expected = stored + 1;
    for (JournalRecord record : missing) {
      if (record.position() != expected) {
        throw new StoreException("Expected the journal in " + journal.directory() + " to hold commit " + expected
            + " next (the store's file holds those up to " + stored + "), but found commit " + record.position()
            + ": commits in between are missing, so the store cannot be brought back as it was. Move the "
            + "journal's directory away to start from the store's file as it is, without the journaled commits",
            null);
      }
      expected++;
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      for (JournalRecord record : missing) {
        apply(new Sql(connection, Dialect.H2), record);
        connection.commit();
      }
    } catch (RuntimeException e) {
      connection.rollback();
      throw new StoreException("Failed to run the journal's commits again on the store in " + journal.directory(), e);
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    return expected - 1;
  }

  /** The last journaled transaction the store holds. */
  static long readPosition(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        var row = statement.executeQuery("SELECT position FROM journal_position WHERE id = 1")) {
      return row.next() ? row.getLong(1) : 0;
    }
  }

  private static void apply(Sql sql, JournalRecord record) {
    for (JournalRecord.Statement statement : record.statements()) {
      if (statement.rows().size() == 1) {
        sql.update(statement.sql(), statement.rows().getFirst());
      } else {
        sql.batch(statement.sql(), statement.rows());
      }
    }
  }
}
