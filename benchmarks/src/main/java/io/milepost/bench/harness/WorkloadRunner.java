package io.milepost.bench.harness;

import io.milepost.bench.engine.BenchContext;
import io.milepost.bench.engine.EngineAdapter;
import io.milepost.bench.engine.EngineKind;
import io.milepost.bench.harness.Results.LatencyRound;
import io.milepost.bench.harness.Results.RunResult;
import io.milepost.bench.harness.Results.SaturationRound;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one engine on one workload and store: a closed-loop warm-up that estimates the saturation
 * throughput, then saturation rounds (a fixed number of instances started as fast as the starter
 * threads can, timed from the first start to the last completion), then open-loop rounds at half the
 * median saturation throughput (latency from the scheduled start, so a late start counts).
 */
public final class WorkloadRunner {

  private static final int WARMUP_IN_FLIGHT = 200;
  private static final int OPEN_LOOP_STARTERS = 16;

  private final Settings settings;
  private final AtomicInteger sequence = new AtomicInteger();
  private InstanceTracker tracker;
  private EngineAdapter adapter;
  private List<JvmProbe> jvms;

  public WorkloadRunner(Settings settings) {
    this.settings = settings;
  }

  public RunResult run(EngineKind engine, Workload workload, StoreKind store, String postgresUrl) throws Exception {
    String runId = engine.id() + "-" + workload.name().toLowerCase() + "-" + store.name().toLowerCase();
    Path dataDir = Files.createDirectories(settings.workDir().resolve(runId + "-" + System.currentTimeMillis()));
    String url = store.freshUrl(dataDir, "bench_" + runId.replace('-', '_'), postgresUrl);
    tracker = new InstanceTracker();
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
    try (EngineAdapter started = engine.create()) {
      adapter = started;
      adapter.start(new BenchContext(workload, store, url, dataDir, settings.repositoryRoot(),
          new Models(settings.repositoryRoot()), settings.workerThreadsPerType()), tracker);
      jvms = adapter.jvms();
      double estimate = Double.NaN;
      try {
        estimate = warmUp();
        log("%s %s %s: warm-up %.1f instances/s", engine.id(), workload, store, estimate);
        int instances = (int) Math.max(settings.minInstances(), Math.round(estimate * settings.roundSeconds()));
        for (int round = 0; round < settings.rounds(); round++) {
          SaturationRound result = saturate(instances);
          log("  saturation round %d: %s", round + 1, result);
          saturation.add(result);
        }
        double rate = Results.Summary.of(saturation, SaturationRound::throughput).median() / 2;
        for (int round = 0; round < settings.rounds(); round++) {
          LatencyRound result = openLoop(rate, Math.max(20, (int) Math.round(rate * settings.latencySeconds())));
          log("  latency round %d: %s", round + 1, result);
          latency.add(result);
        }
      } catch (RoundFailedException e) {
        note = e.getMessage() + ". " + adapter.diagnostics();
        log("  %s", note);
      }
      long inStore = adapter.completedInStore();
      return new RunResult(engine.id(), workload.name(), store.name(), estimate, saturation, latency, inStore,
          sequence.get(), loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), note);
    }
  }

  private double warmUp() throws InterruptedException, RoundFailedException {
    tracker.reset(0);
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(settings.warmupSeconds());
    AtomicInteger started = new AtomicInteger();
    runStarters(settings.starterThreads(), () -> {
      while (System.nanoTime() < deadline) {
        if (started.get() - tracker.completed() >= WARMUP_IN_FLIGHT) {
          LockSupport.parkNanos(500_000);
          continue;
        }
        started.incrementAndGet();
        tracker.started(adapter.startInstance(sequence.getAndIncrement()), System.nanoTime());
      }
    });
    long timeoutSeconds = Math.max(120, 8L * settings.warmupSeconds());
    if (!tracker.awaitCompleted(started.get(), TimeUnit.SECONDS.toNanos(timeoutSeconds))) {
      throw new RoundFailedException("Expected the " + started.get() + " warm-up instances to complete, but only "
          + tracker.completed() + " did within " + timeoutSeconds + " s");
    }
    return tracker.completed() / ((tracker.lastEndNanos() - start) / 1e9);
  }

  private SaturationRound saturate(int instances) throws InterruptedException, RoundFailedException {
    prepareRound(instances);
    long cpuBefore = cpuNanos();
    long start = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    runStarters(settings.starterThreads(), () -> {
      while (next.getAndIncrement() < instances) {
        tracker.started(adapter.startInstance(sequence.getAndIncrement()), System.nanoTime());
      }
    });
    awaitRound(instances);
    double seconds = (tracker.lastEndNanos() - start) / 1e9;
    return new SaturationRound(instances, seconds, instances / seconds,
        (cpuNanos() - cpuBefore) / 1e6 / instances, peakHeapBytes() / 1048576.0);
  }

  private LatencyRound openLoop(double ratePerSecond, int instances) throws InterruptedException, RoundFailedException {
    prepareRound(instances);
    long cpuBefore = cpuNanos();
    long intervalNanos = (long) (1e9 / ratePerSecond);
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
    AtomicInteger next = new AtomicInteger();
    runStarters(OPEN_LOOP_STARTERS, () -> {
      int i;
      while ((i = next.getAndIncrement()) < instances) {
        long scheduled = start + i * intervalNanos;
        long wait;
        while ((wait = scheduled - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        tracker.started(adapter.startInstance(sequence.getAndIncrement()), scheduled);
      }
    });
    awaitRound(instances);
    LatencyRecorder latencies = tracker.latencies();
    return new LatencyRound(ratePerSecond, instances, latencies.percentileMillis(50), latencies.percentileMillis(99),
        (cpuNanos() - cpuBefore) / 1e6 / instances);
  }

  private void prepareRound(int instances) {
    jvms.forEach(JvmProbe::gc);
    jvms.forEach(JvmProbe::resetPeakHeap);
    tracker.reset(instances);
  }

  private void awaitRound(int instances) throws InterruptedException, RoundFailedException {
    long timeout = TimeUnit.SECONDS.toNanos(Math.max(180, 10L * settings.roundSeconds()));
    if (!tracker.awaitCompleted(instances, timeout)) {
      throw new RoundFailedException("Expected " + instances + " instances to complete, but only "
          + tracker.completed() + " did within " + TimeUnit.NANOSECONDS.toSeconds(timeout) + " s");
    }
  }

  private long cpuNanos() {
    return jvms.stream().mapToLong(JvmProbe::processCpuNanos).sum();
  }

  private long peakHeapBytes() {
    return jvms.stream().mapToLong(JvmProbe::peakHeapBytes).sum();
  }

  private static void runStarters(int threads, Runnable body) throws InterruptedException {
    List<Thread> starters = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      starters.add(Thread.ofPlatform().name("starter-" + i).start(body));
    }
    for (Thread starter : starters) {
      starter.join();
    }
  }

  static void log(String format, Object... args) {
    System.err.printf(format + "%n", args);
  }

  /** A round whose instances did not all complete in time: the run stops and reports what it has. */
  static final class RoundFailedException extends Exception {
    RoundFailedException(String message) {
      super(message);
    }
  }
}
