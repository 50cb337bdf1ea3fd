package io.milepost.bench.harness;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The records a run produces; a child JVM prints its {@link RunResult} as one JSON line. */
public final class Results {

  private Results() {}

  /** One saturation round: {@code instances} started by the starters, all completed after {@code seconds}. */
  public record SaturationRound(int instances, double seconds, double throughput, double cpuMillisPerInstance,
      double peakHeapMb) {}

  /** One open-loop round at {@code ratePerSecond}: start-to-end latency of {@code instances}. */
  public record LatencyRound(double ratePerSecond, int instances, double p50Millis, double p99Millis,
      double cpuMillisPerInstance) {}

  /** Everything one engine did on one workload and store; the warm-up ran {@code warmupSeconds} in all. */
  public record RunResult(String engine, String workload, String store, double warmupThroughput, double warmupSeconds,
      List<SaturationRound> saturation, List<LatencyRound> latency, long completedInStore, long startedTotal,
      double loadAverageBefore, double loadAverageAfter, String note) {

    public Summary throughput() {
      return Summary.of(saturation, SaturationRound::throughput);
    }

    public Summary cpuMillisPerInstance() {
      return Summary.of(saturation, SaturationRound::cpuMillisPerInstance);
    }

    public Summary peakHeapMb() {
      return Summary.of(saturation, SaturationRound::peakHeapMb);
    }

    public Summary p50() {
      return Summary.of(latency, LatencyRound::p50Millis);
    }

    public Summary p99() {
      return Summary.of(latency, LatencyRound::p99Millis);
    }
  }

  /** Median, min and max over rounds. */
  public record Summary(double median, double min, double max, int rounds) {

    static <T> Summary of(List<T> rounds, ToDoubleFunction<T> value) {
      double[] values = rounds.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).sorted().toArray();
      if (values.length == 0) {
        return new Summary(Double.NaN, Double.NaN, Double.NaN, 0);
      }
      int n = values.length;
      double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
      return new Summary(median, values[0], values[n - 1], n);
    }

    /** Spread as (max - min) / median, in percent. */
    public double spreadPercent() {
      return median == 0 ? Double.NaN : (max - min) / median * 100;
    }

    @Override
    public String toString() {
      return Arrays.toString(new double[] {median, min, max});
    }
  }
}
