package io.milepost.host.insight;

import java.util.Map;
import java.util.TreeMap;

/** How many values fell into each {@link LogBuckets} bucket; percentiles by nearest rank. */
final class Histogram {

  private final TreeMap<Double, Long> counts = new TreeMap<>();
  private final Map<Integer, Long> byBucket = new TreeMap<>();
  private long total;

  void add(double value) {
    add(LogBuckets.of(value), 1);
  }

  void add(int bucket, long n) {
    byBucket.merge(bucket, n, Long::sum);
    counts.merge(LogBuckets.representative(bucket), n, Long::sum);
    total += n;
  }

  /** Bucket index to count, for writing the histogram to a rollup. */
  Map<Integer, Long> buckets() {
    return byBucket;
  }

  /** The value standing for the bucket that holds the ceil(p * n)-th smallest value; null when empty. */
  Double percentile(double p) {
    if (total == 0) {
      return null;
    }
    long rank = Math.max(1, (long) Math.ceil(p * total));
    long seen = 0;
    for (Map.Entry<Double, Long> entry : counts.entrySet()) {
      seen += entry.getValue();
      if (seen >= rank) {
        return entry.getKey();
      }
    }
    return counts.lastKey();
  }
}
