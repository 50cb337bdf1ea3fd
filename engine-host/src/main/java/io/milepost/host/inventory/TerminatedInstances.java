package io.milepost.host.inventory;

import io.milepost.engine.api.EngineEvent;
import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.state.PackedEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives back the units an instance still held reserved when it ended terminated: cancelled through the API (not
 * through its model's own cancel path, which releases them itself), or with a cancelled parent. It follows the
 * engine's event log for terminated process instances. The first run starts at the end of the log: instances
 * terminated before the host had this are not looked at.
 *
 * <p>The position it has read up to is kept in memory, and stored only in the transaction that released something
 * (so releases and position move together), or else at most once every {@link #STORE_IDLE_POSITION_EVERY}. A run
 * that finds nothing to release writes nothing: on the H2 store any write by the host makes the engine store H2's
 * pages before it answers its next commands, so a write every run stalled the engine once a second. After a
 * restart the stored position may lag what was read, and the lagging range is read again; that is harmless, as it
 * holds no release (a release stores the position), and {@link StockChanges#releaseAllHeldBy} of an instance whose
 * reservations were already released, or that held none, releases nothing. So every terminated instance has its
 * reservations released once, across restarts.
 *
 * <p>Not thread-safe: one periodic task runs it.
 */
final class TerminatedInstances {

  private static final Logger LOG = LoggerFactory.getLogger(TerminatedInstances.class);
  private static final String CURSOR = "terminated-instances";
  /** Positions read per transaction (10,000 event log rows), so a long backlog is worked off in bounded steps. */
  private static final long CHUNK = 10_000L * PackedEvents.POSITIONS_PER_ROW;
  /**
   * How often the position is stored when nothing was released. It only bounds how much of the log a restart reads
   * again (reading it again releases nothing), so a write a minute, not one a run, is enough.
   */
  static final Duration STORE_IDLE_POSITION_EVERY = Duration.ofSeconds(60);

  private final EngineQueries engine;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final StockChanges changes;
  private final Clock clock;
  private Cursor cursor;

  /** Where the log has been read up to, and the position stored in {@code inventory_event_cursor} since when. */
  private record Cursor(long read, long stored, Instant storedAt) {

    Cursor readUpTo(long position) {
      return new Cursor(position, stored, storedAt);
    }

    Cursor storedAt(Instant at) {
      return new Cursor(read, read, at);
    }

    /** Whether what was read has been ahead of what is stored for {@link #STORE_IDLE_POSITION_EVERY} or longer. */
    boolean storeDue(Instant now) {
      return read > stored && !now.isBefore(storedAt.plus(STORE_IDLE_POSITION_EVERY));
    }
  }

  TerminatedInstances(EngineQueries engine, JdbcClient jdbc, TransactionTemplate transactions, StockChanges changes,
      Clock clock) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.changes = changes;
    this.clock = clock;
  }

  /**
   * Reads the stored position; the first time a host starts with this, marks the end of the log as read, before the
   * host takes requests: an instance cancelled from then on is seen, however soon after the start.
   */
  TerminatedInstances startingAtTheEndOfTheLogTheFirstTime() {
    Long stored = jdbc.sql("SELECT position FROM inventory_event_cursor WHERE name = ?").param(CURSOR)
        .query(Long.class).optional().orElse(null);
    if (stored == null) {
      stored = engine.lastEventPosition();
      long last = stored;
      transactions.executeWithoutResult(status ->
          jdbc.sql("INSERT INTO inventory_event_cursor (name, position) VALUES (?, ?)").params(CURSOR, last).update());
    }
    cursor = new Cursor(stored, stored, clock.instant());
    return this;
  }

  /** Handles every instance terminated since the last call. */
  void releaseWhatTheyHeld() {
    if (cursor == null) {
      throw new IllegalStateException("Expected startingAtTheEndOfTheLogTheFirstTime() to have read the position");
    }
    long last = engine.lastEventPosition();
    while (cursor.read() < last) {
      long from = cursor.read();
      long upTo = Math.min(last, from + CHUNK);
      boolean released = Boolean.TRUE.equals(transactions.execute(status -> {
        boolean any = false;
        for (EngineEvent event : engine.eventsBetween(from, upTo, "ELEMENT_TERMINATED", "PROCESS")) {
          int reservations = changes.releaseAllHeldBy(event.processInstanceKey());
          if (reservations > 0) {
            LOG.info("Released {} reservation(s) of process instance {}: it was terminated", reservations,
                event.processInstanceKey());
            any = true;
          }
        }
        if (any) {
          store(upTo);
        }
        return any;
      }));
      cursor = cursor.readUpTo(upTo);
      if (released) {
        cursor = cursor.storedAt(clock.instant());
      }
    }
    Instant now = clock.instant();
    if (cursor.storeDue(now)) {
      long read = cursor.read();
      transactions.executeWithoutResult(status -> store(read));
      cursor = cursor.storedAt(now);
    }
  }

  private void store(long position) {
    jdbc.sql("UPDATE inventory_event_cursor SET position = ? WHERE name = ?").params(position, CURSOR).update();
  }
}
