package io.milepost.bench.harness;

import java.util.Arrays;

/** Latencies in nanoseconds, recorded from many threads; percentiles by sorting (runs are small). */
public final class LatencyRecorder {

  private long[] values;
  private int size;

  LatencyRecorder(int expected) {
    values = new long[Math.max(16, expected)];
  }

  synchronized void record(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  /** The {@code p}-th percentile (0 to 100) in milliseconds, nearest rank. */
  public synchronized double percentileMillis(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
  }

  public synchronized int size() {
    return size;
  }
}
