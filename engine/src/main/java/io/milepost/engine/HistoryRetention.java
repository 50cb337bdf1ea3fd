package io.milepost.engine;

import io.milepost.engine.api.EngineMetrics;
import io.milepost.engine.processing.CommandExecutor;
import io.milepost.engine.state.ExpiredHistory;
import java.time.Clock;
import java.time.Duration;

/**
 * Deletes process instances whose root ended longer ago than the retention, so that a host running for months keeps
 * a store of constant size. Each batch is one command on the writer, like every other write, and small: the commands
 * queued meanwhile go between two batches, so none waits for more than one, and a crash leaves each instance whole
 * or gone. A due-work run takes a few batches while they come full (a backlog), so that deletion keeps up with the
 * rate instances end at; once the backlog is worked off, the store is looked at again only after a pause, since
 * instances come of age at the pace they ended.
 */
final class HistoryRetention {

  /** Root instances per command: an order's history is a few hundred rows, so a few thousand rows. */
  static final int BATCH = 25;
  /** Batches per due-work run at most: 1,000 roots a second at the host's 100 ms interval, twice its peak rate. */
  static final int BATCHES_PER_RUN = 4;
  /** How long after a sweep that found no backlog the next one runs (by the engine's clock). */
  static final Duration PAUSE = Duration.ofSeconds(10);

  private final CommandExecutor executor;
  private final Clock clock;
  private final Duration retention;
  private final EngineMetrics metrics;
  private long nextSweepAt;

  HistoryRetention(CommandExecutor executor, Clock clock, Duration retention, EngineMetrics metrics) {
    this.executor = executor;
    this.clock = clock;
    this.retention = retention;
    this.metrics = metrics;
  }

  /** Deletes up to a few batches when a sweep is due. Called by the due-work run, never concurrently. */
  void sweepIfDue() {
    long now = clock.millis();
    if (now < nextSweepAt) {
      return;
    }
    long cutOff = now - retention.toMillis();
    boolean backlog = true;
    for (int batch = 0; batch < BATCHES_PER_RUN && backlog; batch++) {
      ExpiredHistory.Deleted deleted = executor.executeDraining(
          b -> new ExpiredHistory(b.context().state().sql()).deleteRootsEndedBefore(cutOff, BATCH));
      if (deleted.processInstances() > 0) {
        metrics.historyDeleted(deleted.processInstances());
      }
      backlog = deleted.rootInstances() == BATCH;
    }
    nextSweepAt = backlog ? now : now + PAUSE.toMillis();
  }
}
