package io.milepost.host.insight;

import io.milepost.host.insight.SampleStats.MeasureStats;
import java.util.List;
import java.util.Map;

/** A sample's figures as the API shows them: which sites, how many jobs, rates, percentiles, measures. */
public record SampleFigures(List<String> sites, long count, double failureRate, double bpmnErrorRate, Double p50Ms,
    Double p95Ms, Map<String, MeasureStats> measures) {

  public static SampleFigures of(List<String> sites, SampleStats stats) {
    return new SampleFigures(List.copyOf(sites), stats.count(), stats.failureRate(), stats.bpmnErrorRate(),
        stats.p50Ms(), stats.p95Ms(), stats.measures());
  }
}
