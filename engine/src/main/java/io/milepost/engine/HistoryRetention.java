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
 * or gone. Instances come of age at the pace they ended, so a sweep every second finds about a second's worth, a
 * batch or two: deletion goes at that pace instead of in bursts. A burst of large batches made every command of an
 * order that ran into it wait behind one (25 roots every 10 s: at 25 orders/s with a retention of a minute the p99
 * of an order was 0.20 to 0.65 s, against 68 to 128 ms so; benchmarks/NOTES.md, stop 36). A due-work run takes more
 * batches while they come full (a backlog, after a restart or a peak), so that deletion catches up. The event log
 * rows of no instance (message publications, signals, start-event timers, decisions evaluated through the API) go
 * by the same retention, but those of deployments.
 */
final class HistoryRetention {

  /**
   * Root instances per command: an order of the network's model leaves about 150 rows (with the instance its call
   * activity starts), so about 750 rows: a fifth of the writer's 30 ms for a batch of 25 (stop 36), which the
   * commands batched with it wait for.
   */
  static final int BATCH = 5;
  /** Batches per due-work run at most: 1,000 roots a second at the host's 100 ms interval, twice its peak rate. */
  static final int BATCHES_PER_RUN = 20;
  /** Event log rows of no instance looked at per command: one row each, light. */
  static final int STANDALONE_BATCH = 500;
  /**
   * How long after a sweep that found no backlog the next one runs (by the engine's clock): short enough that each
   * sweep has little to delete, long enough that an idle engine is not asked every due-work run.
   */
  static final Duration PAUSE = Duration.ofSeconds(1);

  private final CommandExecutor executor;
  private final Clock clock;
  private final Duration retention;
  private final EngineMetrics metrics;
  private long nextSweepAt;
  /**
   * Up to where the event log rows of no instance were looked at. Kept in memory only: after a restart the first
   * sweep reads again from the start of the log past the rows it keeps (those of deployments).
   */
  private long standaloneReadUpTo;

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
    boolean backlog = deleteInstances(cutOff) | deleteStandalone(cutOff);
    nextSweepAt = backlog ? now : now + PAUSE.toMillis();
  }

  /** Whether a backlog remains. */
  private boolean deleteInstances(long cutOff) {
    for (int batch = 0; batch < BATCHES_PER_RUN; batch++) {
      ExpiredHistory.Deleted deleted = executor.executeDraining(
          b -> new ExpiredHistory(b.context().state().sql()).deleteRootsEndedBefore(cutOff, BATCH));
      if (deleted.processInstances() > 0) {
        metrics.historyDeleted(deleted.processInstances());
      }
      if (deleted.rootInstances() < BATCH) {
        return false;
      }
    }
    return true;
  }

  /** Whether a backlog remains. */
  private boolean deleteStandalone(long cutOff) {
    for (int batch = 0; batch < BATCHES_PER_RUN; batch++) {
      long after = standaloneReadUpTo;
      ExpiredHistory.StandaloneDeleted pass = executor.executeDraining(b -> new ExpiredHistory(
          b.context().state().sql()).deleteStandaloneBefore(cutOff, after, STANDALONE_BATCH));
      standaloneReadUpTo = pass.readUpTo(); // after the commit: a failed pass is read again
      if (pass.read() < STANDALONE_BATCH) {
        return false;
      }
    }
    return true;
  }
}
