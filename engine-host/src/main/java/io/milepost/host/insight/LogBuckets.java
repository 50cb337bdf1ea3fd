package io.milepost.host.insight;

/**
 * The buckets of the rollups' histograms: logarithmic, {@value #PER_DOUBLING} per doubling, signed, with
 * bucket 0 for zero. A bucket spans [2^(k/4), 2^((k+1)/4)) of a value's magnitude and stands for its
 * geometric middle 2^((k+0.5)/4), so a percentile read from buckets is within 2^(1/8) - 1 (9.1 %) of the
 * value it stands for, at any scale (milliseconds or litres), however many values went in.
 */
final class LogBuckets {

  static final int PER_DOUBLING = 4;
  /** The largest relative error of a value read from its bucket: 2^(1/8) - 1. */
  static final double RELATIVE_ERROR = Math.pow(2, 0.5 / PER_DOUBLING) - 1;
  /** Shifts k so that every magnitude a double can hold (down to 2^-1074) gets a positive index. */
  private static final int OFFSET = PER_DOUBLING * 1100;

  private LogBuckets() {}

  static int of(double value) {
    if (value == 0) {
      return 0;
    }
    double magnitude = Math.abs(value);
    int k = (int) Math.floor(PER_DOUBLING * Math.log(magnitude) / Math.log(2));
    // The logarithm may be off by an ulp at a bucket's edge: the edges are what lowerEdge says.
    while (lowerEdge(k + 1) <= magnitude) {
      k++;
    }
    while (lowerEdge(k) > magnitude) {
      k--;
    }
    return value > 0 ? k + OFFSET : -(k + OFFSET);
  }

  static double representative(int bucket) {
    if (bucket == 0) {
      return 0;
    }
    double middle = Math.pow(2, (Math.abs(bucket) - OFFSET + 0.5) / PER_DOUBLING);
    return bucket > 0 ? middle : -middle;
  }

  private static double lowerEdge(int k) {
    return Math.pow(2, (double) k / PER_DOUBLING);
  }
}
