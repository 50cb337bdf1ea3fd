package io.milepost.host.insight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogBucketsTest {

  @Test
  void shouldReadEveryValueBackWithinTheStatedError() {
    // given values from a thousandth to a billion, both signs, and the powers of two on the buckets' edges
    for (double value = 0.001; value < 1e9; value *= 1.0137) {
      for (double signed : new double[] {value, -value, Math.pow(2, Math.round(Math.log(value) / Math.log(2)))}) {
        // when
        double read = LogBuckets.representative(LogBuckets.of(signed));

        // then
        assertThat(Math.abs(read - signed) / Math.abs(signed)).as("read %s back as %s", signed, read)
            .isLessThanOrEqualTo(LogBuckets.RELATIVE_ERROR + 1e-12);
        assertThat(Math.signum(read)).isEqualTo(Math.signum(signed));
      }
    }
    assertThat(LogBuckets.representative(LogBuckets.of(0))).isZero();
  }

  @Test
  void shouldTakeTheNearestRankPercentile() {
    // given the durations 1..100 ms
    Histogram histogram = new Histogram();
    for (int ms = 1; ms <= 100; ms++) {
      histogram.add(ms);
    }

    // then p95 stands for the 95th value's bucket, p50 for the 50th's
    assertThat(histogram.percentile(0.95)).isEqualTo(LogBuckets.representative(LogBuckets.of(95)));
    assertThat(histogram.percentile(0.5)).isEqualTo(LogBuckets.representative(LogBuckets.of(50)));
    assertThat(new Histogram().percentile(0.5)).isNull();
  }
}
