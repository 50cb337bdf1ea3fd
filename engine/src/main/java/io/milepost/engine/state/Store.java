package io.milepost.engine.state;

import io.milepost.engine.api.H2CommitDurability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC store: migrates the schema on start and runs work in transactions. A transaction either
 * commits all its statements or none, and is durable once {@code inTransaction} returns.
 *
 * <p>On H2 the store writes each commit to the file itself ({@code CHECKPOINT}) rather than through H2's
 * {@code WRITE_DELAY=0}: that setting also stops H2's background thread, the one that compacts the file
 * (H2 copies every page a commit touches to the file's end). Under sustained load the file then grew by
 * about every page ever written: 60 GB after 130k instances of a three-task process, where with the
 * background thread running it stays near the size of the data. The checkpoint (which the writer's group commit runs
 * after one or more batches, see {@link #inTransactionDurableAtCheckpoint}) also forces the file to the device, so
 * neither kill -9 nor a power cut loses an acknowledged command; {@link H2CommitDurability#PROCESS_KILL} leaves out
 * the forcing. The checkpoint's store of the pages takes turns with the writer's transactions (see {@code h2Turns}).
 * Given a {@link JournalingDataSource}, the store journals the writer's commits instead ({@link CommitJournal}), and
 * the writes others commit through that data source to its journaled tables: a checkpoint then appends them to the
 * journal and forces that, and stores the pages only after anyone else committed a write it could not journal; a
 * thread of the store's own stores them every {@link CommitJournal#storeInterval()}.
 *
 * <p>The store remembers whether the last writing transaction on a writer connection failed ({@link
 * #writeFailure()}): health reports it, and the writer probes ({@link #probeWrite(StatementCache)}) until a write
 * commits again, so the engine takes commands again by itself once its database can write (a full disk has room,
 * PostgreSQL is back). A connection that saw a store failure is closed, never reused (see {@link StoreOutage}).
 */
public final class Store {

  private static final Logger LOG = LoggerFactory.getLogger(Store.class);

  /** H2's own default: how often its background thread stores the pages, in ms (it compacts ten times as often). */
  private static final long H2_WRITE_DELAY_MILLIS = 500;
  /** How long closing waits for a page store under way. */
  private static final long PAGE_STORE_CLOSE_MILLIS = 10_000;

  private final DataSource dataSource;
  private final Dialect dialect;
  /** Whether a checkpoint on H2 forces the file to the device too, and H2's statement for it. */
  private final H2CommitDurability h2Durability;
  private final Clock clock = Clock.systemUTC();
  /**
   * On H2 the writer's transactions and the checkpoints' stores take turns: H2 2.4.240 broke a page reference when
   * its store of a commit's pages overlapped another thread's changes to the same maps (commands then failed with
   * "File corrupted while reading record ... Position 0"; CheckpointUnderLoadTest). The force of the file to the
   * device stores nothing and runs outside the turns. Fair, so that a checkpoint waiting between two batches gets its
   * turn before the next batch.
   */
  private final ReentrantLock h2Turns = new ReentrantLock(true);
  /** The journal of the writer's commits (H2 file store given a {@link JournalingDataSource}); else null. */
  private final CommitJournal journal;
  /** With the journal: stores H2's pages every {@link CommitJournal#storeInterval()}, off the answers' path. */
  private final Thread pageStore;
  /**
   * Stops the page store. Not an interrupt: an interrupt that meets H2's file I/O closes its file channel, and with it
   * the database.
   */
  private final CountDownLatch closing = new CountDownLatch(1);
  /** Why the last writing transaction failed; empty once one commits. */
  private volatile Optional<StoreWriteFailure> writeFailure = Optional.empty();

  public Store(DataSource dataSource) {
    this(dataSource, H2CommitDurability.POWER_CUT);
  }

  /**
   * On an H2 file store, runs again what the journal holds beyond the store's file first; journals the writer's
   * commits from then on if {@code dataSource} is a {@link JournalingDataSource}.
   */
  public Store(DataSource dataSource, H2CommitDurability h2Durability) {
    JournalingDataSource journaling = dataSource instanceof JournalingDataSource reporting ? reporting : null;
    this.dataSource = journaling == null ? dataSource : journaling.target();
    this.h2Durability = h2Durability;
    Flyway.configure()
        .dataSource(this.dataSource)
        .locations("classpath:db/migration/engine")
        .table("milepost_engine_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
    try (Connection connection = this.dataSource.getConnection()) {
      this.dialect = Dialect.fromProductName(connection.getMetaData().getDatabaseProductName());
      if (dialect == Dialect.H2) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("SET WRITE_DELAY " + h2WriteDelayMillis(journaling));
        }
      }
      this.journal = dialect == Dialect.H2 ? openJournal(connection, journaling) : null;
    } catch (SQLException e) {
      throw new StoreException("Failed to connect to the store and set it up (on H2 the engine sets WRITE_DELAY, "
          + "which needs an admin user)", e);
    }
    this.pageStore = journal == null ? null
        : Thread.ofPlatform().name("milepost-page-store").daemon().start(this::storePagesPeriodically);
  }

  /**
   * How often H2's background thread stores the pages. Journaled, the page store does that every store interval and
   * H2's own stores every 500 ms only serialize the same pages again: H2's thread then waits twice the interval, so it
   * stores only what the page store left (after a failed store), and still compacts the file every fifth of that
   * (benchmarks/NOTES.md, stop 42, measures what that saves). H2 takes the setting as an int.
   */
  private static long h2WriteDelayMillis(JournalingDataSource journaling) {
    return journaling == null ? H2_WRITE_DELAY_MILLIS
        : Math.min(Integer.MAX_VALUE, 2 * journaling.storeInterval().toMillis());
  }

  /**
   * The page store's loop: the journal's records up to what a store holds are deleted, so that the journal and what
   * a restart runs again stay short. On a thread of its own, so that the checkpoints go on answering (from the journal)
   * while it forces the file.
   */
  private void storePagesPeriodically() {
    OwnConnection connection = new OwnConnection(this);
    try {
      while (!closing.await(journal.storeInterval().toNanos(), TimeUnit.NANOSECONDS)) {
        try {
          connection.run(opened -> {
            storePagesForTheJournal(opened);
            return null;
          });
        } catch (RuntimeException e) {
          LOG.warn("Storing H2's pages failed; the journal keeps the commits, and the next checkpoint stores them", e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // nothing interrupts it; if something did, it stops
    } finally {
      connection.close();
    }
  }

  /** Stores the pages of every commit so far and lets the journal drop the records they hold. */
  private void storePagesForTheJournal(StatementCache connection) {
    long through = journal.lastCommitted(); // committed, so stored by what follows
    try {
      storePages(connection);
    } catch (RuntimeException | Error e) {
      journal.storeFailed();
      throw e;
    }
    journal.stored(through);
  }

  /**
   * Brings back what the journal of an H2 file store holds beyond the file (whether or not this run journals), and
   * opens the journal if {@code journaling}.
   */
  private CommitJournal openJournal(Connection connection, JournalingDataSource journaling) throws SQLException {
    Optional<Path> file = H2StoreDirectory.fileOf(connection.getMetaData().getURL());
    if (file.isEmpty()) {
      return null; // in memory: nothing to make durable
    }
    Path directory = Path.of(file.get() + ".journal");
    long position;
    if (Files.isDirectory(directory)) {
      Journal recovered = Journal.open(directory);
      position = CommitJournal.recover(connection, recovered);
      storePages(new Sql(connection, dialect));
      recovered.clear();
    } else {
      position = CommitJournal.readPosition(connection);
    }
    if (journaling == null) {
      return null;
    }
    CommitJournal journal = new CommitJournal(Journal.open(directory), position, journaling.storeInterval());
    journaling.journalTo(journal);
    return journal;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Dialect dialect() {
    return dialect;
  }

  /**
   * Opens a connection for the writer thread (or the checkpoint's) to keep, with its statement cache. On H2 it also
   * shortens the steps of H2's compaction, which checkpoints wait for ({@link H2CompactionStep}), and brings back the
   * journaled commits a reopened database lost ({@link CommitJournal#recoverLost}).
   */
  public StatementCache openWriterConnection() {
    try {
      Connection connection = dataSource.getConnection();
      if (dialect == Dialect.H2) {
        H2CompactionStep.shorten(connection);
        if (journal != null) {
          inH2Turn(() -> {
            journal.recoverLost(connection);
            return null;
          });
        }
      }
      return new StatementCache(connection);
    } catch (SQLException e) {
      throw new StoreException("Failed to connect to the store", e);
    }
  }

  /**
   * Runs {@code work} in one transaction on the writer's own connection, durable when this returns: any exception rolls
   * everything back and is rethrown. A failure is remembered as the store's {@link #writeFailure()}; a commit that
   * wrote something clears it.
   */
  public <T> T inTransaction(StatementCache writer, Function<Sql, T> work) {
    return rememberingFailure(() -> inWriterTransaction(writer, work, true));
  }

  /**
   * As {@link #inTransaction(StatementCache, Function)}, but on H2 the commit is durable only after the next
   * {@link #checkpoint(StatementCache, boolean)} (on PostgreSQL it is durable when this returns): for the writer's
   * group commit, which makes its batches durable on another thread while it applies the next ones.
   */
  public <T> T inTransactionDurableAtCheckpoint(StatementCache writer, Function<Sql, T> work) {
    return rememberingFailure(() -> inWriterTransaction(writer, work, false));
  }

  /** Whether a commit needs a {@link #checkpoint(StatementCache, boolean)} to be durable (H2). */
  public boolean commitsNeedCheckpoints() {
    return dialect == Dialect.H2;
  }

  /**
   * Makes every commit so far durable (H2: writes them to the file, or appends them to the journal, and by default
   * forces that to the device). A failure is remembered as the store's {@link #writeFailure()}; a checkpoint that
   * {@code coversWrites} of transactions clears it.
   */
  public void checkpoint(StatementCache connection, boolean coversWrites) {
    if (!commitsNeedCheckpoints()) {
      return;
    }
    if (journal == null) {
      storePages(connection);
    } else {
      rememberingFailure(() -> {
        journal.appendCommitted();
        return null;
      });
      if (journal.othersCommittedSinceAsked()) {
        storePagesForTheJournal(connection); // what they committed may be what the answered commands rely on
      } else if (h2Durability.forcesToDevice()) {
        rememberingFailure(() -> {
          journal.force();
          return null;
        });
      }
    }
    if (coversWrites) {
      writeFailure = Optional.empty();
    }
  }

  private void storePages(StatementCache connection) {
    storePages(new Sql(connection.connection(), dialect, connection));
  }

  /**
   * Stores the commits' pages in H2's file, and by default forces it to the device. The commits go to the file in the
   * caller's turn, once H2's compaction has let go of the store lock that needs (the writer goes on meanwhile); then
   * this waits for a store of H2's own that took some of them and is still writing them (without that wait a kill -9
   * lost commits whose journal records a page store had let go, H2StoreUnderWayTest); the force to the device, which
   * stores nothing, runs outside the turn.
   */
  private void storePages(Sql sql) {
    Optional<H2MvStore> mvStore = H2MvStore.behind(sql.connection());
    mvStore.ifPresent(H2MvStore::awaitStoreLock);
    inH2Turn(() -> rememberingFailure(() -> sql.update("CHECKPOINT")));
    mvStore.ifPresent(store -> rememberingFailure(() -> {
      store.awaitStoresUnderWay();
      return null;
    }));
    if (h2Durability.forcesToDevice()
        && !rememberingFailure(() -> mvStore.map(H2MvStore::forceFile).orElse(false))) {
      // H2's own way, which stores first
      inH2Turn(() -> rememberingFailure(() -> sql.update(h2Durability.checkpointStatement())));
    }
  }

  private <T> T inWriterTransaction(StatementCache writer, Function<Sql, T> work, boolean durableNow) {
    return commitsNeedCheckpoints()
        ? inH2Turn(() -> inTransactionOn(writer, work, durableNow))
        : inTransactionOn(writer, work, durableNow);
  }

  /** Runs {@code work} while neither the writer's transactions nor the checkpoints change H2's pages (see h2Turns). */
  private <T> T inH2Turn(Supplier<T> work) {
    h2Turns.lock();
    try {
      return work.get();
    } finally {
      h2Turns.unlock();
    }
  }

  private <T> T inTransactionOn(StatementCache writer, Function<Sql, T> work, boolean durableNow) {
    Connection connection = writer.connection();
    try {
      connection.setAutoCommit(false);
      try {
        CapturedWrites captured = journal != null && !durableNow ? new CapturedWrites() : null;
        Sql sql = new Sql(connection, dialect, writer, captured);
        T result = work.apply(sql);
        boolean wrote = sql.wrote(); // before the checkpoint, which is an update too
        if (captured != null && wrote) {
          journal.commitWriter(sql, connection, captured);
        } else if (durableNow || !commitsNeedCheckpoints()) {
          commitDurably(connection, sql);
          if (wrote) {
            writeFailure = Optional.empty(); // a read-only commit proves nothing: a full disk still lets it pass
          }
        } else {
          connection.commit(); // the failure of a write to the file shows in the checkpoint
        }
        return result;
      } catch (RuntimeException | Error e) {
        rollback(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("Failed to run a transaction", e);
    }
  }

  private <T> T rememberingFailure(Supplier<T> write) {
    try {
      return write.get();
    } catch (RuntimeException | Error e) {
      if (writeFailure.isEmpty()) {
        writeFailure = Optional.of(new StoreWriteFailure(clock.instant(), describe(e)));
      }
      throw e;
    }
  }

  /**
   * Stores every commit's pages and empties the journal, so that a clean stop leaves nothing to run again; called once
   * the writer and the checkpoints stopped. If the store fails, the journal stays for the next start.
   */
  public void close() {
    if (journal == null) {
      return;
    }
    closing.countDown();
    try {
      pageStore.join(PAGE_STORE_CLOSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Connection connection = dataSource.getConnection()) {
      storePages(new Sql(connection, dialect));
      journal.clear();
    } catch (SQLException | RuntimeException e) {
      LOG.warn("Could not store the journaled commits on closing; the next start runs them again from the journal", e);
    } finally {
      journal.close();
    }
  }

  /** Why the store cannot write, since when; empty while its writes commit. */
  public Optional<StoreWriteFailure> writeFailure() {
    return writeFailure;
  }

  /**
   * Tries a write that changes nothing anyone reads (it moves the next key block on by one key, leaving a gap as a
   * crash does) and commits it durably: on H2 only a write that reaches the file shows that the disk has room again.
   */
  public void probeWrite(StatementCache writer) {
    inTransaction(writer, sql -> sql.update("UPDATE key_block SET next_key = next_key + 1 WHERE id = 1"));
  }

  /** The failure's own words, without the driver's nested causes (they can be long: H2 repeats the whole chain). */
  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root == failure ? failure.getMessage() : failure.getMessage() + " (caused by " + root + ")";
  }

  /** Commits; on H2 also writes the commit to the file (see the class comment). */
  private void commitDurably(Connection connection, Sql sql) throws SQLException {
    connection.commit();
    if (commitsNeedCheckpoints()) {
      storePages(sql);
    }
  }

  private static void rollback(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
