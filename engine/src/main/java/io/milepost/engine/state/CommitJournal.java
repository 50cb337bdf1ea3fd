package io.milepost.engine.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the writer's commits on an H2 file store durable by an append to a {@link Journal} and a force of it, rather
 * than by storing H2's pages each time: a checkpoint that stores pages wrote about 124 KB in 125 pages for a few
 * commands (benchmarks/NOTES.md, stop 37), a journal record is the statements themselves. H2's pages are still stored,
 * every {@link #storeInterval()} on a thread of the store's own (H2's own background thread waits twice as long, see
 * {@code Store.h2WriteDelayMillis}), and the journal's segments up to what they hold are then deleted.
 *
 * <p>Each journaled transaction also writes its position into {@code journal_position}; so the store's file knows
 * which records it holds, and on start the records after that position are run again ({@link #recover}).
 *
 * <p>Anything else that commits to the same database through a {@link JournalingDataSource} (engine-host's step
 * records, stock) is journaled too when it wrote only to journaled tables: the rows it wrote, keys included, under a
 * position of its own ({@link #commitOthers}). Positions are handed out in commit order (one lock around the position's
 * update and the commit), so a host's commit that came before a writer's commit relying on it (a plugin reserves stock,
 * then completes its job) is appended and forced before that command is answered. A commit that also wrote elsewhere
 * becomes durable when H2's pages are stored: it makes the next checkpoint store them before it answers ({@link
 * #othersCommitted}).
 */
final class CommitJournal implements AutoCloseable {

  private static final String POSITION_UPDATE = "UPDATE journal_position SET position = ? WHERE id = 1";
  private static final Logger LOG = LoggerFactory.getLogger(CommitJournal.class);

  private final Journal journal;
  private final Duration storeInterval;
  private final Queue<JournalRecord> unjournaled = new ConcurrentLinkedQueue<>();
  /** Set when anyone but the writer committed; at first, since whatever ran before the engine is not journaled. */
  private final AtomicBoolean othersCommitted = new AtomicBoolean(true);
  /** Held from a transaction's position update to its record's place in the queue: positions go in commit order. */
  private final ReentrantLock commitOrder = new ReentrantLock();
  private volatile long lastCommitted;
  /** Set when {@link #recoverLost} ran commits again and has not yet moved the identity columns past their keys. */
  private boolean identitiesBehind;

  CommitJournal(Journal journal, long lastCommitted, Duration storeInterval) {
    this.journal = journal;
    this.lastCommitted = lastCommitted;
    this.storeInterval = storeInterval;
  }

  /** How often the store's thread stores the pages, so that the journal (and a restart's replay) stays short. */
  Duration storeInterval() {
    return storeInterval;
  }

  /**
   * Writer: commits the transaction {@code sql} runs with its position (written with it, so journaled with it too),
   * not durable yet.
   */
  void commitWriter(Sql sql, Connection connection, CapturedWrites writes) throws SQLException {
    commitOrder.lock();
    try {
      long position = lastCommitted + 1;
      sql.update(POSITION_UPDATE, position);
      connection.commit();
      committed(position, writes.statements());
    } finally {
      commitOrder.unlock();
    }
  }

  /**
   * Anyone else: commits {@code connection}'s transaction, whose writes to journaled tables {@code rows} holds, with a
   * position of its own; durable at the next checkpoint, as the writer's commits are.
   */
  void commitOthers(Connection connection, CapturedWrites rows) throws SQLException {
    commitOrder.lock();
    try {
      long position = lastCommitted + 1;
      try (PreparedStatement update = connection.prepareStatement(POSITION_UPDATE)) {
        update.setLong(1, position);
        update.executeUpdate();
      }
      rows.update(POSITION_UPDATE, new Object[] {position});
      try {
        connection.commit();
      } catch (SQLException failed) {
        othersCommitted.set(true); // whether it committed is unknown: if it did, a page store makes it durable
        throw failed;
      }
      committed(position, rows.statements());
    } finally {
      commitOrder.unlock();
    }
  }

  private void committed(long position, List<JournalRecord.Statement> statements) {
    unjournaled.add(new JournalRecord(position, statements));
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

  /** The bytes appended to the journal since the engine started. */
  long appendedBytes() {
    return journal.appendedBytes();
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
   * be acknowledged. The identity columns are moved past the keys run again afterwards, outside the commit order: that
   * change waits for the transactions writing those tables, whose commits wait for the commit order.
   */
  synchronized void recoverLost(Connection connection) {
    commitOrder.lock(); // no commit changes the position meanwhile
    try {
      long stored = readPosition(connection);
      if (stored < lastCommitted) {
        List<JournalRecord> records = new ArrayList<>(journal.read());
        records.addAll(unjournaled);
        runAgain(connection, records, stored, journal);
        identitiesBehind = true;
        LOG.warn("The store's database had lost the commits after position {} (H2 closed and reopened it after a "
            + "failure); ran the {} up to {} again from the journal", stored, lastCommitted - stored, lastCommitted);
      }
    } catch (SQLException e) {
      throw new StoreException("Failed to read the journal position from the reopened store", e);
    } finally {
      commitOrder.unlock();
    }
    if (identitiesBehind) {
      try {
        raiseIdentities(connection);
        identitiesBehind = false;
      } catch (SQLException e) {
        throw new StoreException("Failed to move the identity columns past the keys run again from the journal", e);
      }
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
   * Runs again, in order, the journal's records after the position the store's file holds; returns the last position.
   * Refuses (and changes nothing) when records are missing. The caller stores the pages before it empties the journal.
   */
  static long recover(Connection connection, Journal journal) {
    try {
      long stored = readPosition(connection);
      long last = runAgain(connection, journal.read(), stored, journal);
      if (last > stored) {
        raiseIdentities(connection);
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

  /**
   * Moves each identity column's next value past the highest key its table holds: rows run again with their keys
   * (engine-host's step records) do not move it, and the value the store's file holds may be from before them.
   */
  private static void raiseIdentities(Connection connection) throws SQLException {
    record Identity(String table, String column, long next) {}
    List<Identity> identities = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT table_name, column_name, identity_base "
            + "FROM information_schema.columns WHERE is_identity = 'YES' AND table_schema = SCHEMA()")) {
      while (rows.next()) {
        identities.add(new Identity(JournaledTable.quoted(rows.getString(1)),
            JournaledTable.quoted(rows.getString(2)), rows.getLong(3)));
      }
    }
    try (Statement statement = connection.createStatement()) {
      for (Identity identity : identities) {
        long highest;
        try (ResultSet row = statement.executeQuery(
            "SELECT COALESCE(MAX(" + identity.column() + "), 0) FROM " + identity.table())) {
          row.next();
          highest = row.getLong(1);
        }
        if (highest >= identity.next()) {
          statement.execute("ALTER TABLE " + identity.table() + " ALTER COLUMN " + identity.column()
              + " RESTART WITH " + (highest + 1));
        }
      }
    }
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
