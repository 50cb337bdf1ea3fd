package io.milepost.host.inventory;

import io.milepost.engine.api.EngineEvent;
import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.state.PackedEvents;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives back the units an instance still held reserved when it ended terminated: cancelled through the API (not
 * through its model's own cancel path, which releases them itself), or with a cancelled parent. It follows the
 * engine's event log for terminated process instances; the position it has read up to moves in the same
 * transaction as the releases, so every terminated instance is handled once, across restarts. The first run starts
 * at the end of the log: instances terminated before the host had this are not looked at.
 */
final class TerminatedInstances {

  private static final Logger LOG = LoggerFactory.getLogger(TerminatedInstances.class);
  private static final String CURSOR = "terminated-instances";
  /** Positions read per transaction (10,000 event log rows), so a long backlog is worked off in bounded steps. */
  private static final long CHUNK = 10_000L * PackedEvents.POSITIONS_PER_ROW;

  private final EngineQueries engine;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final StockChanges changes;

  TerminatedInstances(EngineQueries engine, JdbcClient jdbc, TransactionTemplate transactions, StockChanges changes) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.changes = changes;
  }

  /**
   * The first time a host starts with this, marks the end of the log as read, before the host takes requests: an
   * instance cancelled from then on is seen, however soon after the start.
   */
  TerminatedInstances startingAtTheEndOfTheLogTheFirstTime() {
    if (cursor() == null) {
      long last = engine.lastEventPosition();
      transactions.executeWithoutResult(status ->
          jdbc.sql("INSERT INTO inventory_event_cursor (name, position) VALUES (?, ?)").params(CURSOR, last).update());
    }
    return this;
  }

  /** Handles every instance terminated since the last call. */
  void releaseWhatTheyHeld() {
    long last = engine.lastEventPosition();
    Long read = cursor();
    for (long from = read; from < last; ) {
      long upTo = Math.min(last, from + CHUNK);
      long after = from;
      transactions.executeWithoutResult(status -> {
        List<EngineEvent> ended = engine.eventsBetween(after, upTo, "ELEMENT_TERMINATED", "PROCESS");
        for (EngineEvent event : ended) {
          int released = changes.releaseAllHeldBy(event.processInstanceKey());
          if (released > 0) {
            LOG.info("Released {} reservation(s) of process instance {}: it was terminated", released,
                event.processInstanceKey());
          }
        }
        jdbc.sql("UPDATE inventory_event_cursor SET position = ? WHERE name = ?").params(upTo, CURSOR).update();
      });
      from = upTo;
    }
  }

  private Long cursor() {
    return jdbc.sql("SELECT position FROM inventory_event_cursor WHERE name = ?").param(CURSOR).query(Long.class)
        .optional().orElse(null);
  }
}
