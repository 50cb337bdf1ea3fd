package io.milepost.host.engine;

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
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Holds a job activation (REST or gRPC) until jobs of its type can be activated, its time is up, or
 * its caller is gone.
 *
 * <p>No polling: a waiter takes the current signal of its job type, then tries to activate, then
 * sleeps on the signal. The engine's availability listener completes (and removes) the signal of a
 * type, which wakes every waiter of that type to try again. Taking the signal before trying closes
 * the gap where jobs appear between an empty try and the sleep. Callers run on virtual threads, so a
 * held request costs no platform thread.
 */
@Component
public final class JobLongPoll implements JobAvailabilityListener, DisposableBean {

  private final Engine engine;
  private final ConcurrentMap<String, CompletableFuture<Void>> signals = new ConcurrentHashMap<>();
  private volatile boolean closed;

  JobLongPoll(Engine engine) {
    this.engine = engine;
    engine.addJobAvailabilityListener(this);
  }

  /**
   * @param answerWithin how long to hold the request at most
   * @param callerGone completes when the caller cancels or its deadline passes: stop waiting
   * @return the jobs activated; empty after the time is up, when the caller left, or at shutdown
   */
  public List<ActivatedJob> activate(ActivateJobs command, Duration answerWithin, CompletableFuture<?> callerGone) {
    long deadline = System.nanoTime() + answerWithin.toNanos();
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

  /** Lets held requests answer (empty) at shutdown instead of holding the server up. */
  @Override
  public void destroy() {
    closed = true;
    signals.keySet().forEach(this::jobsAvailable);
  }
}
