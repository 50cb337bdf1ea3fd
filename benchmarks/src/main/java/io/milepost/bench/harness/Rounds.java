package io.milepost.bench.harness;

import io.milepost.bench.engine.EngineAdapter;
import io.milepost.bench.harness.Results.LatencyRound;
import io.milepost.bench.harness.Results.SaturationRound;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives instances through one started engine adapter: closed loops (warm-up, filling a store),
 * saturation rounds (a fixed number of instances started as fast as the starter threads can, timed from
 * the first start to the last completion) and open-loop rounds at a given rate (latency from the
 * scheduled start, so a late start counts).
 */
final class Rounds {

  private static final int CLOSED_LOOP_IN_FLIGHT = 200;
  private static final int OPEN_LOOP_STARTERS = 16;

  /** Two warm-up slices in a row whose rates differ by at most this share: the JITs have settled. */
  private static final double SETTLED = 0.10;

  private final Settings settings;
  private final EngineAdapter adapter;
  private final InstanceTracker tracker;
  private final List<JvmProbe> jvms;
  private final AtomicInteger sequence = new AtomicInteger();
  /** Threads that start instances in closed loops and saturation rounds. */
  private final int starters;

  Rounds(Settings settings, EngineAdapter adapter, InstanceTracker tracker) {
    this.settings = settings;
    this.adapter = adapter;
    this.tracker = tracker;
    this.jvms = adapter.jvms();
    this.starters = Math.min(settings.starterThreads(), adapter.maxStarters());
  }

  /** How many instances a closed loop completed, and in how long (first start to last end); none: NaN per s. */
  record ClosedLoop(long completed, double seconds) {
    double throughput() {
      return completed / seconds;
    }
  }

  /** What a warm-up did: the rate of its last slice (the estimate of saturation) and how long it ran in all. */
  record WarmUp(double throughput, double seconds) {}

  /**
   * Closed-loop slices of {@code sliceSeconds} until two in a row run within {@value #SETTLED} of each other's
   * rate, at most {@value Settings#MAX_WARMUP_SLICES}. A fixed warm-up suits one JVM but not two: the in-process
   * engine settles within seconds, while engine-host and the client JVM compile Spring, Tomcat, gRPC and the client
   * for a minute or more, and rounds timed before that measure the JIT compilers (over REST, 10 s of warm-up left
   * 14 ms of CPU per instance where a settled run needs about 4).
   */
  WarmUp warmUp(int sliceSeconds) throws InterruptedException, RoundFailedException {
    long start = System.nanoTime();
    double previous = Double.NaN;
    for (int slice = 1; ; slice++) {
      double rate = closedLoop(Long.MAX_VALUE, sliceSeconds).throughput();
      WorkloadRunner.log("  warm-up slice %d: %.1f instances/s", slice, rate);
      if (slice == Settings.MAX_WARMUP_SLICES || Math.abs(rate - previous) <= SETTLED * previous) {
        return new WarmUp(rate, (System.nanoTime() - start) / 1e9);
      }
      previous = rate;
    }
  }

  /**
   * Keeps {@value #CLOSED_LOOP_IN_FLIGHT} instances in flight until {@code maxInstances} were started or
   * {@code seconds} passed, then waits for all of them to complete.
   */
  ClosedLoop closedLoop(long maxInstances, long seconds) throws InterruptedException, RoundFailedException {
    tracker.reset(0);
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
    AtomicInteger started = new AtomicInteger();
    runStarters(starters, () -> {
      while (System.nanoTime() < deadline) {
        if (started.get() - tracker.completed() >= CLOSED_LOOP_IN_FLIGHT) {
          LockSupport.parkNanos(500_000);
          continue;
        }
        if (started.incrementAndGet() > maxInstances) {
          started.decrementAndGet();
          return;
        }
        tracker.started(adapter.startInstance(sequence.getAndIncrement()), System.nanoTime());
      }
    });
    long timeoutSeconds = Math.max(300, 8L * settings.warmupSeconds());
    if (!tracker.awaitCompleted(started.get(), TimeUnit.SECONDS.toNanos(timeoutSeconds))) {
      throw new RoundFailedException("Expected the " + started.get() + " instances of the closed loop to complete, "
          + "but only " + tracker.completed() + " did within " + timeoutSeconds + " s");
    }
    return new ClosedLoop(tracker.completed(), Math.max(0, tracker.lastEndNanos() - start) / 1e9);
  }

  SaturationRound saturate(int instances) throws InterruptedException, RoundFailedException {
    collectGarbage(); // so that the round's peak heap starts from live data only
    prepareRound(instances);
    long cpuBefore = cpuNanos();
    long start = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    runStarters(starters, () -> {
      while (next.getAndIncrement() < instances) {
        tracker.started(adapter.startInstance(sequence.getAndIncrement()), System.nanoTime());
      }
    });
    awaitRound(instances);
    double seconds = (tracker.lastEndNanos() - start) / 1e9;
    return new SaturationRound(instances, seconds, instances / seconds,
        (cpuNanos() - cpuBefore) / 1e6 / instances, peakHeapBytes() / 1048576.0);
  }

  LatencyRound openLoop(double ratePerSecond, int instances) throws InterruptedException, RoundFailedException {
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

  /** Instances started so far, warm-up and every round included. */
  int started() {
    return sequence.get();
  }

  /**
   * A full GC in every JVM of the run. Not before an open-loop round: the second after a forced full GC is one
   * a running engine does not see from its collector, and it made the p99 of every latency round (stop 26,
   * Milepost in process on H2: the writer worked flat out for the first 0.8 s of each round, and the instances
   * started then waited 0.2 to 0.8 s; without the forced GC the p99 fell from 300-800 ms to 107-136 ms).
   */
  private void collectGarbage() {
    jvms.forEach(JvmProbe::gc);
  }

  private void prepareRound(int instances) {
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

  /** A round whose instances did not all complete in time: the run stops and reports what it has. */
  static final class RoundFailedException extends Exception {
    RoundFailedException(String message) {
      super(message);
    }
  }
}
