package io.milepost.engine.processing;

import io.milepost.engine.api.CommandAdmission;

/**
 * How many commands may wait for the writer before new work is refused: additive increase while commands
 * wait less than the target, multiplicative decrease once they wait longer (AIMD, as Zeebe's back-pressure
 * does on its in-flight requests). The writer updates it after every batch; callers read it to admit.
 *
 * <p>Below its initial value the limit grows back whenever commands wait less than the target, even with a short
 * queue: one stall of the store (H2 compacting its file, a slow disk) can cut it to the floor, and at light load the
 * queue never reaches half of it, so it stayed there and refused the next burst that the writer could well take.
 */
final class AdmissionLimit {

  private static final double DECREASE = 0.9;

  private final CommandAdmission settings;
  private volatile int limit;

  AdmissionLimit(CommandAdmission settings) {
    this.settings = settings;
    this.limit = settings.initialLimit();
  }

  /** Whether a command that brings new work may join {@code queued} others. */
  boolean admits(int queued) {
    return queued < limit;
  }

  int limit() {
    return limit;
  }

  /** The longest time a command of the batch just committed waited for the writer and its commit. */
  void observed(long longestLatencyNanos, int queuedNow) {
    if (longestLatencyNanos > settings.targetLatency().toNanos()) {
      limit = Math.max(settings.minLimit(), (int) (limit * DECREASE));
    } else if (limit < settings.initialLimit() || queuedNow >= limit / 2) {
      // past the initial limit, only grow while the limit is what holds the queue
      limit = Math.min(settings.maxLimit(), limit + 1);
    }
  }
}
