package io.milepost.engine;

import io.milepost.engine.api.EngineMetrics;
import io.milepost.engine.processing.CommandExecutor;
import io.milepost.engine.state.ExpiredHistory;
import java.time.Clock;
import java.time.Duration;

/**
 * Deletes process instances whose root ended longer ago than the retention, so that a host running for months keeps
 * a store of constant size. Each sweep is one command on the writer, like every other write, and deletes a bounded
 * batch: other commands wait for at most one batch, and a crash leaves each instance whole or gone. While a backlog
 * remains (a full batch), the next due-work run takes the next batch; once it is worked off, the store is looked at
 * again only after a pause, since instances come of age at the pace they ended.
 */
final class HistoryRetention {

  /** Root instances per transaction: an order's history is a few hundred rows, so about ten thousand rows. */
  static final int BATCH = 100;
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

  /** Deletes one batch when a sweep is due. Called by the due-work run, never concurrently. */
  void sweepIfDue() {
    long now = clock.millis();
    if (now < nextSweepAt) {
      return;
    }
    long cutOff = now - retention.toMillis();
    ExpiredHistory.Deleted deleted = executor.executeDraining(
        b -> new ExpiredHistory(b.context().state().sql()).deleteRootsEndedBefore(cutOff, BATCH));
    if (deleted.processInstances() > 0) {
      metrics.historyDeleted(deleted.processInstances());
    }
    nextSweepAt = deleted.rootInstances() == BATCH ? now : now + PAUSE.toMillis();
  }
}
