package io.milepost.bench.harness;

import io.camunda.client.api.command.ClientHttpException;
import io.grpc.Status;
import io.milepost.bench.engine.BenchContext;
import io.milepost.bench.engine.MilepostOverClient;
import java.lang.management.ManagementFactory;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Back-pressure under overload: engine-host on a fresh H2 store with workload (a), the official client's
 * workers completing its jobs; the saturation rate is measured first (closed-loop warm-up, then one
 * saturation round), then instance creations are offered open loop at multiples of it for a fixed time,
 * each with the client's 10 s request timeout. Every create ends accepted, refused (RESOURCE_EXHAUSTED over
 * gRPC, 429 over REST), timed out, or failed otherwise; the admission limit is read from the refusals'
 * message (the engine names it there).
 */
public final class FloodRunner {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final int SENDERS = 8;
  /** The refusal's message names the limit in force: "... (limit 42): retry after a pause". */
  private static final Pattern LIMIT = Pattern.compile("\\(limit (\\d+)\\)");

  private final Settings settings;

  public FloodRunner(Settings settings) {
    this.settings = settings;
  }

  /** One flood: what was offered and what came of it. */
  public record Flood(double multiple, double offeredPerSecond, int offered, double seconds, int accepted,
      int refused, int timedOut, int failed, String firstFailure, double completedPerSecond, double acceptedP50Millis,
      double acceptedP99Millis, double refusedP50Millis, Integer limitAtEnd, Integer limitMin, Integer limitMax,
      long completedAfterDrain, double loadBefore, double loadAfter) {}

  /** One transport: its saturation rate and its floods. */
  public record TransportResult(String transport, double warmupPerSecond, double saturationPerSecond,
      List<Flood> floods) {}

  public TransportResult run(boolean grpc, List<Double> multiples, int floodSeconds) throws Exception {
    String transport = grpc ? "gRPC" : "REST";
    Path dataDir = Files.createDirectories(settings.workDir().resolve("flood-" + transport.toLowerCase() + "-"
        + System.currentTimeMillis()));
    try (MilepostOverClient adapter = grpc ? MilepostOverClient.grpcStreaming() : MilepostOverClient.rest()) {
      InstanceTracker tracker = new InstanceTracker();
      adapter.start(new BenchContext(Workload.SEQUENCE, StoreKind.H2, StoreKind.H2.freshUrl(dataDir, "flood", null),
          dataDir, settings.repositoryRoot(), new Models(), settings.workerThreadsPerType(), settings.completion()),
          tracker);
      Rounds rounds = new Rounds(settings, adapter, tracker);
      double warmup = rounds.warmUp(settings.warmupSeconds()).throughput();
      double saturation = rounds.saturate((int) Math.max(settings.minInstances(),
          Math.round(warmup * settings.roundSeconds()))).throughput();
      log("%s: warm-up %.0f/s, saturation %.0f/s", transport, warmup, saturation);
      List<Flood> floods = new ArrayList<>();
      for (double multiple : multiples) {
        Flood flood = flood(adapter, tracker, multiple, saturation * multiple, floodSeconds);
        log("  %s", flood);
        floods.add(flood);
      }
      return new TransportResult(transport, warmup, saturation, floods);
    } finally {
      StoreFiles.deleteKeepingLogs(dataDir);
    }
  }

  private Flood flood(MilepostOverClient adapter, InstanceTracker tracker, double multiple, double rate, int seconds)
      throws InterruptedException {
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    int offered = (int) Math.round(rate * seconds);
    tracker.reset(offered);
    Outcomes outcomes = new Outcomes(offered);
    long intervalNanos = (long) (1e9 / rate);
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    AtomicInteger next = new AtomicInteger();
    List<Thread> senders = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      senders.add(Thread.ofPlatform().name("flood-" + s).start(() -> {
        int i;
        while ((i = next.getAndIncrement()) < offered) {
          long scheduled = start + i * intervalNanos;
          long wait;
          while ((wait = scheduled - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
          }
          int n = i;
          adapter.sendCreate(n, REQUEST_TIMEOUT).whenComplete((created, error) -> {
            long answered = System.nanoTime();
            if (error == null) {
              tracker.started(created.getProcessInstanceKey(), scheduled);
              outcomes.accepted(answered - scheduled);
            } else {
              outcomes.failed(unwrap(error), answered - scheduled, answered >= end - (end - start) / 4);
            }
          });
        }
      }));
    }
    for (Thread sender : senders) {
      sender.join();
    }
    long completedInWindow = awaitUntil(end, tracker);
    // every create is answered within its timeout; then what was accepted gets a minute to complete
    outcomes.awaitAnswers(offered, TimeUnit.SECONDS.toNanos(REQUEST_TIMEOUT.toSeconds() + 5));
    tracker.awaitCompleted(outcomes.accepted.get(), TimeUnit.SECONDS.toNanos(60));
    List<Integer> limits = outcomes.limitsNearEnd();
    List<Integer> allLimits = outcomes.allLimits();
    return new Flood(multiple, rate, offered, seconds, outcomes.accepted.get(), outcomes.refused.get(),
        outcomes.timedOut.get(), outcomes.failed.get(), outcomes.firstFailure.get(),
        completedInWindow / (double) seconds, outcomes.acceptedLatency.percentileMillis(50),
        outcomes.acceptedLatency.percentileMillis(99), outcomes.refusedLatency.percentileMillis(50),
        limits.isEmpty() ? null : limits.get(limits.size() / 2),
        allLimits.isEmpty() ? null : allLimits.getFirst(), allLimits.isEmpty() ? null : allLimits.getLast(),
        tracker.completed(), loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** Instances completed once {@code end} has passed. */
  private static long awaitUntil(long end, InstanceTracker tracker) {
    long wait;
    while ((wait = end - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
    return tracker.completed();
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** The answers to one flood's creates, counted as they arrive. */
  private static final class Outcomes {
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger timedOut = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicReference<String> firstFailure = new AtomicReference<>();
    final LatencyRecorder acceptedLatency;
    final LatencyRecorder refusedLatency;
    final ConcurrentLinkedQueue<Integer> limits = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Integer> limitsNearEnd = new ConcurrentLinkedQueue<>();

    Outcomes(int offered) {
      acceptedLatency = new LatencyRecorder(offered);
      refusedLatency = new LatencyRecorder(offered);
    }

    void accepted(long nanos) {
      acceptedLatency.record(nanos);
      accepted.incrementAndGet();
    }

    void failed(Throwable error, long nanos, boolean nearEnd) {
      if (isRefusal(error)) {
        refusedLatency.record(nanos);
        refused.incrementAndGet();
        Matcher limit = LIMIT.matcher(String.valueOf(error.getMessage()));
        if (limit.find()) {
          int value = Integer.parseInt(limit.group(1));
          limits.add(value);
          if (nearEnd) {
            limitsNearEnd.add(value);
          }
        }
      } else if (isTimeout(error)) {
        timedOut.incrementAndGet();
      } else {
        failed.incrementAndGet();
        firstFailure.compareAndSet(null, error.getClass().getSimpleName() + ": " + error.getMessage());
      }
    }

    void awaitAnswers(int offered, long timeoutNanos) throws InterruptedException {
      long deadline = System.nanoTime() + timeoutNanos;
      while (accepted.get() + refused.get() + timedOut.get() + failed.get() < offered && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    }

    List<Integer> limitsNearEnd() {
      return sorted(limitsNearEnd);
    }

    List<Integer> allLimits() {
      return sorted(limits);
    }

    private static List<Integer> sorted(ConcurrentLinkedQueue<Integer> values) {
      List<Integer> list = new ArrayList<>(values);
      Collections.sort(list);
      return list;
    }

    // over gRPC the client's future fails with grpc-java's own StatusRuntimeException, found by Status.fromThrowable
    private static boolean isRefusal(Throwable error) {
      return Status.fromThrowable(error).getCode() == Status.Code.RESOURCE_EXHAUSTED
          || error instanceof ClientHttpException http && http.code() == 429;
    }

    private static boolean isTimeout(Throwable error) {
      if (Status.fromThrowable(error).getCode() == Status.Code.DEADLINE_EXCEEDED) {
        return true;
      }
      for (Throwable cause = error; cause != null; cause = cause.getCause()) {
        if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException) {
          return true;
        }
      }
      return false;
    }
  }

  private static void log(String format, Object... args) {
    System.err.printf(format + "%n", args);
  }
}
