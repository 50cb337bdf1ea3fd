package io.milepost.bench.harness;

import io.milepost.bench.engine.BenchContext;
import io.milepost.bench.engine.EngineAdapter;
import io.milepost.bench.engine.EngineKind;
import io.milepost.bench.harness.Results.LatencyRound;
import io.milepost.bench.harness.Results.RunResult;
import io.milepost.bench.harness.Results.SaturationRound;
import io.milepost.bench.harness.Rounds.RoundFailedException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one engine on one workload and store: a closed-loop warm-up until the rate settles, which estimates the
 * saturation throughput, then saturation rounds, then open-loop rounds at half the median saturation throughput
 * (see {@link Rounds}).
 */
public final class WorkloadRunner {

  private final Settings settings;

  public WorkloadRunner(Settings settings) {
    this.settings = settings;
  }

  public RunResult run(EngineKind engine, Workload workload, StoreKind store, String postgresUrl) throws Exception {
    String runId = engine.id() + "-" + workload.name().toLowerCase() + "-" + store.name().toLowerCase();
    Path dataDir = Files.createDirectories(settings.workDir().resolve(runId + "-" + System.currentTimeMillis()));
    String url = store.freshUrl(dataDir, "bench_" + runId.replace('-', '_'), postgresUrl);
    try {
      return measure(engine, workload, store, url, dataDir);
    } finally {
      StoreFiles.deleteKeepingLogs(dataDir); // after the adapter closed (engine-host stopped, H2 closed)
    }
  }

  private RunResult measure(EngineKind engine, Workload workload, StoreKind store, String url, Path dataDir)
      throws Exception {
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    List<SaturationRound> saturation = new ArrayList<>();
    List<LatencyRound> latency = new ArrayList<>();
    String note = "";
    InstanceTracker tracker = new InstanceTracker();
    try (EngineAdapter adapter = engine.create()) {
      adapter.start(new BenchContext(workload, store, url, dataDir, settings.repositoryRoot(),
          new Models(), settings.workerThreadsPerType(), settings.completion()), tracker);
      Rounds rounds = new Rounds(settings, adapter, tracker);
      double estimate = Double.NaN;
      double warmupSeconds = Double.NaN;
      try {
        Rounds.WarmUp warmUp = rounds.warmUp(settings.warmupSeconds());
        estimate = warmUp.throughput();
        warmupSeconds = warmUp.seconds();
        log("%s %s %s: warm-up %.1f instances/s after %.0f s", engine.id(), workload, store, estimate, warmupSeconds);
        int instances = (int) Math.max(settings.minInstances(), Math.round(estimate * settings.roundSeconds()));
        for (int round = 0; round < settings.rounds(); round++) {
          SaturationRound result = rounds.saturate(instances);
          log("  saturation round %d: %s", round + 1, result);
          saturation.add(result);
        }
        double rate = Results.Summary.of(saturation, SaturationRound::throughput).median() / 2;
        for (int round = 0; round < settings.rounds(); round++) {
          LatencyRound result = rounds.openLoop(rate, Math.max(20, (int) Math.round(rate * settings.latencySeconds())));
          log("  latency round %d: %s", round + 1, result);
          latency.add(result);
        }
      } catch (RoundFailedException e) {
        note = e.getMessage() + ". " + adapter.diagnostics();
        log("  %s", note);
      }
      long inStore = adapter.completedInStore();
      return new RunResult(engine.id(), workload.name(), store.name(), estimate, warmupSeconds, saturation, latency,
          inStore, rounds.started(), loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          note);
    }
  }

  static void log(String format, Object... args) {
    System.err.printf(format + "%n", args);
  }
}
