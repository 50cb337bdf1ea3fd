package io.milepost.host.insight;

import io.milepost.host.insight.SampleStats.MeasureStats;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one site, job type and plugin version in one bucket, summed from step records, from
 * hourly rollups, or both: counts, first and last start, the duration histogram and each measure's sums
 * and histogram. What an hourly rollup row stores, and what an insight row is computed from.
 */
final class StepTally {

  /** The histogram series of the duration (measure names are never blank). */
  static final String DURATION = "";

  private long jobs;
  private long failures;
  private long bpmnErrors;
  private Instant first;
  private Instant last;
  private final Histogram durations = new Histogram();
  private final Map<String, MeasureTally> measures = new TreeMap<>();

  /** One step record. */
  void addStep(String outcome, long durationMs, Instant startedAt) {
    addCounts(1, "FAILED".equals(outcome) || "TIMED_OUT".equals(outcome) ? 1 : 0,
        "BPMN_ERROR".equals(outcome) ? 1 : 0, startedAt, startedAt);
    durations.add(durationMs);
  }

  /** One measure of a step record. */
  void addMeasure(String name, double value) {
    measure(name).add(1, value, value * value);
    measure(name).histogram.add(value);
  }

  void addCounts(long jobs, long failures, long bpmnErrors, Instant first, Instant last) {
    this.jobs += jobs;
    this.failures += failures;
    this.bpmnErrors += bpmnErrors;
    this.first = this.first == null || first.isBefore(this.first) ? first : this.first;
    this.last = this.last == null || last.isAfter(this.last) ? last : this.last;
  }

  void addBucket(String series, int bucket, long n) {
    (DURATION.equals(series) ? durations : measure(series).histogram).add(bucket, n);
  }

  void addMeasureSums(String name, long count, double total, double squares) {
    measure(name).add(count, total, squares);
  }

  long jobs() {
    return jobs;
  }

  long failures() {
    return failures;
  }

  long bpmnErrors() {
    return bpmnErrors;
  }

  Instant first() {
    return first;
  }

  Instant last() {
    return last;
  }

  Histogram durations() {
    return durations;
  }

  Map<String, MeasureTally> measures() {
    return Collections.unmodifiableMap(measures);
  }

  Map<String, MeasureStats> measureStats() {
    Map<String, MeasureStats> stats = new TreeMap<>();
    measures.forEach((name, tally) -> stats.put(name, tally.stats()));
    return Collections.unmodifiableMap(stats);
  }

  private MeasureTally measure(String name) {
    return measures.computeIfAbsent(name, n -> new MeasureTally());
  }

  /** A measure's count, sum, sum of squares and histogram. */
  static final class MeasureTally {

    private long count;
    private double total;
    private double squares;
    private final Histogram histogram = new Histogram();

    private void add(long count, double total, double squares) {
      this.count += count;
      this.total += total;
      this.squares += squares;
    }

    long count() {
      return count;
    }

    double total() {
      return total;
    }

    double squares() {
      return squares;
    }

    Histogram histogram() {
      return histogram;
    }

    MeasureStats stats() {
      double mean = total / count;
      // Sample variance from the sums; never below 0 where rounding would take it there.
      double variance = count < 2 ? 0 : Math.max(0, (squares - total * mean) / (count - 1));
      return new MeasureStats(count, total, mean, variance, histogram.percentile(0.95));
    }
  }
}
