package io.milepost.host.grpc;

import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.Engine;
import io.milepost.engine.api.JobAvailabilityListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Holds an ActivateJobs call until jobs of its type can be activated, its request timeout passes,
 * or its caller is gone. No polling: a waiter takes the current signal of its type before it tries
 * to activate (so jobs that appear between an empty try and the wait still wake it), then sleeps on
 * the signal; the engine's availability listener completes and removes the signal of a type.
 * Calls run on virtual threads (see {@link GrpcServer}), so a held call costs no platform thread.
 * Answering at the request timeout itself is in time: the official client's gRPC deadline for
 * ActivateJobs is the request timeout plus 10 s (over REST it waits only 1 s more).
 */
@Component
final class JobLongPoll implements JobAvailabilityListener {

  private final Engine engine;
  private final ConcurrentMap<String, CompletableFuture<Void>> signals = new ConcurrentHashMap<>();
  private volatile boolean closed;

  JobLongPoll(Engine engine) {
    this.engine = engine;
    engine.addJobAvailabilityListener(this);
  }

  /**
   * @param callerGone completes when the caller cancels or its deadline passes: stop waiting
   * @return the jobs activated; empty after the timeout, when the caller left, or at shutdown
   */
  List<ActivatedJob> activate(ActivateJobs command, Duration requestTimeout, CompletableFuture<?> callerGone) {
    long deadline = System.nanoTime() + requestTimeout.toNanos();
    while (true) {
      CompletableFuture<Void> signal = signals.computeIfAbsent(command.type(), type -> new CompletableFuture<>());
      if (callerGone.isDone() || closed) {
        return List.of();
      }
      List<ActivatedJob> jobs = engine.activateJobs(command);
      long remaining = deadline - System.nanoTime();
      if (!jobs.isEmpty() || remaining <= 0) {
        return jobs;
      }
      try {
        CompletableFuture.anyOf(signal, callerGone).get(remaining, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        return List.of();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      } catch (ExecutionException e) {
        return List.of(); // the caller-gone future may complete exceptionally: the caller left
      }
    }
  }

  @Override
  public void jobsAvailable(String jobType) {
    CompletableFuture<Void> signal = signals.remove(jobType);
    if (signal != null) {
      signal.complete(null);
    }
  }

  /** Lets held calls answer (empty) at shutdown instead of holding the server up. */
  void close() {
    closed = true;
    signals.keySet().forEach(this::jobsAvailable);
  }
}
