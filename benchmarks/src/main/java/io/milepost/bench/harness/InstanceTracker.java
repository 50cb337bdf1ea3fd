package io.milepost.bench.harness;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * Pairs the start of each instance (told by the starter once the create call returned its id) with its
 * end (told by the engine adapter), whichever comes first, and keeps count and latencies.
 */
public final class InstanceTracker {

  private static final long UNSET = Long.MIN_VALUE;

  private final ConcurrentHashMap<Object, long[]> pending = new ConcurrentHashMap<>();
  private final AtomicLong completed = new AtomicLong();
  private final LongAccumulator lastEnd = new LongAccumulator(Math::max, UNSET);
  private volatile LatencyRecorder latencies = new LatencyRecorder(0);

  /** Starts a new phase: counts from zero and records up to {@code expected} latencies. */
  public void reset(int expected) {
    completed.set(0);
    lastEnd.reset();
    latencies = new LatencyRecorder(expected);
  }

  /** The instance was created; {@code startNanos} is when it was (or, open-loop, was meant to be) started. */
  public void started(Object instanceId, long startNanos) {
    merge(instanceId, startNanos, UNSET);
  }

  /** The instance ended (its end is durable). */
  public void ended(Object instanceId, long endNanos) {
    merge(instanceId, UNSET, endNanos);
  }

  private void merge(Object id, long start, long end) {
    long[] done = new long[1];
    done[0] = UNSET;
    pending.compute(id, (key, times) -> {
      long s = start != UNSET ? start : times == null ? UNSET : times[0];
      long e = end != UNSET ? end : times == null ? UNSET : times[1];
      if (s != UNSET && e != UNSET) {
        done[0] = e - s;
        lastEnd.accumulate(e);
        return null;
      }
      return new long[] {s, e};
    });
    if (done[0] != UNSET) {
      latencies.record(done[0]);
      completed.incrementAndGet();
    }
  }

  public long completed() {
    return completed.get();
  }

  public long lastEndNanos() {
    return lastEnd.get();
  }

  public LatencyRecorder latencies() {
    return latencies;
  }

  /** Waits until {@code count} instances completed in this phase; false when {@code timeoutNanos} passed first. */
  public boolean awaitCompleted(long count, long timeoutNanos) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    while (completed.get() < count) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(2);
    }
    return true;
  }
}
