package io.milepost.host.web.rollout;

import io.milepost.host.insight.InsightQuery;
import io.milepost.host.insight.SampleStats.MeasureStats;
import io.milepost.host.insight.StepInsight;
import io.milepost.host.insight.StepInsights;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Time series for the charts (uPlot): per minute, the jobs of one step in two groups (for a rollout: the new
 * version against every other), each with count, failure rate, p95 duration and the mean of every measure.
 * Sites are merged per group: counts add up, rates and means are weighted by jobs, p95 is the worst site's.
 */
@Component
public final class InsightSeries {

  private final StepInsights insights;

  InsightSeries(StepInsights insights) {
    this.insights = insights;
  }

  /** One group's values per time bucket; null where it ran no job in that minute. */
  public record Group(String label, List<Long> count, List<Double> failureRate, List<Double> p95Ms,
      Map<String, List<Double>> measures) {}

  /**
   * @param from the window's start, epoch seconds: the chart's time axis spans the window asked for, not only
   *     the buckets that have data (uPlot would stretch a single point over years)
   * @param to the window's end, epoch seconds
   * @param x the buckets' starts, epoch seconds
   */
  public record Series(String jobType, long from, long to, List<Long> x, List<Group> groups) {}

  public Series of(String jobType, String siteId, Instant from, Instant to, String firstLabel,
      Predicate<StepInsight> first, String secondLabel) {
    List<StepInsight> rows = insights.query(new InsightQuery(jobType, siteId, null, from, to,
        InsightQuery.Bucket.MINUTE));
    TreeSet<Instant> buckets = new TreeSet<>();
    rows.forEach(row -> buckets.add(row.bucketStart()));
    List<Long> x = buckets.stream().map(Instant::getEpochSecond).toList();
    return new Series(jobType, from.getEpochSecond(), to.getEpochSecond(), x, List.of(group(firstLabel, rows.stream().filter(first).toList(), buckets),
        group(secondLabel, rows.stream().filter(first.negate()).toList(), buckets)));
  }

  private static Group group(String label, List<StepInsight> rows, TreeSet<Instant> buckets) {
    Map<Instant, List<StepInsight>> byBucket = new TreeMap<>();
    rows.forEach(row -> byBucket.computeIfAbsent(row.bucketStart(), b -> new ArrayList<>()).add(row));
    TreeSet<String> measureNames = new TreeSet<>();
    rows.forEach(row -> measureNames.addAll(row.measures().keySet()));
    List<Long> count = new ArrayList<>();
    List<Double> failureRate = new ArrayList<>();
    List<Double> p95 = new ArrayList<>();
    Map<String, List<Double>> measures = new LinkedHashMap<>();
    measureNames.forEach(name -> measures.put(name, new ArrayList<>()));
    for (Instant bucket : buckets) {
      List<StepInsight> in = byBucket.getOrDefault(bucket, List.of());
      long jobs = in.stream().mapToLong(StepInsight::count).sum();
      count.add(jobs == 0 ? null : jobs);
      failureRate.add(jobs == 0 ? null : in.stream().mapToDouble(r -> r.failureRate() * r.count()).sum() / jobs);
      p95.add(in.stream().map(StepInsight::p95Ms).filter(v -> v != null).max(Double::compare).orElse(null));
      for (String name : measureNames) {
        long n = 0;
        double sum = 0;
        for (StepInsight row : in) {
          MeasureStats stats = row.measures().get(name);
          if (stats != null) {
            n += stats.count();
            sum += stats.sum();
          }
        }
        measures.get(name).add(n == 0 ? null : sum / n);
      }
    }
    return new Group(label, count, failureRate, p95, measures);
  }
}
