package io.milepost.host.insight;

import java.util.Map;

/**
 * A summary of step records: counts, rates, duration percentiles and the reported measures.
 *
 * @param failures jobs that failed or timed out (a BPMN error is a business outcome, not a failure)
 * @param p50Ms median duration, null without records
 * @param p95Ms 95th percentile duration, null without records
 */
public record SampleStats(long count, long failures, long bpmnErrors, Double p50Ms, Double p95Ms,
    Map<String, MeasureStats> measures) {

  public static final SampleStats EMPTY = new SampleStats(0, 0, 0, null, null, Map.of());

  public double failureRate() {
    return count == 0 ? 0 : (double) failures / count;
  }

  public double bpmnErrorRate() {
    return count == 0 ? 0 : (double) bpmnErrors / count;
  }

  /**
   * One measure over the records that reported it.
   *
   * @param variance the sample variance, 0 with fewer than two values
   */
  public record MeasureStats(long count, double sum, double mean, double variance, Double p95) {}
}
