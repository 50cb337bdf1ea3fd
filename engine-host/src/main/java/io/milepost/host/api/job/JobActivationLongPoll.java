package io.milepost.host.api.job;

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
 * Holds a job activation until jobs of its type can be activated or its request timeout passes.
 *
 * <p>No polling: a waiter takes the current signal of its job type, then tries to activate, then
 * sleeps on the signal. The engine's availability listener completes (and removes) the signal of a
 * type, which wakes every waiter of that type to try again. Taking the signal before trying closes
 * the gap where jobs appear between an empty try and the sleep. Requests run on virtual threads.
 */
@Component
final class JobActivationLongPoll implements JobAvailabilityListener, DisposableBean {

  private final Engine engine;
  private final ConcurrentMap<String, CompletableFuture<Void>> signals = new ConcurrentHashMap<>();
  private volatile boolean closed;

  JobActivationLongPoll(Engine engine) {
    this.engine = engine;
    engine.addJobAvailabilityListener(this);
  }

  /**
   * The client gives up one second after its requestTimeout; answering a little before the timeout
   * keeps an empty answer from arriving too late on a busy machine.
   */
  static Duration answerWithin(Duration requestTimeout) {
    Duration margin = requestTimeout.compareTo(Duration.ofSeconds(5)) >= 0 ? Duration.ofMillis(500) : requestTimeout.dividedBy(10);
    return requestTimeout.minus(margin);
  }

  List<ActivatedJob> activate(ActivateJobs command, Duration requestTimeout) {
    long deadline = System.nanoTime() + answerWithin(requestTimeout).toNanos();
    while (true) {
      CompletableFuture<Void> signal = signals.computeIfAbsent(command.type(), type -> new CompletableFuture<>());
      List<ActivatedJob> jobs = engine.activateJobs(command);
      long remaining = deadline - System.nanoTime();
      if (!jobs.isEmpty() || remaining <= 0 || closed) {
        return jobs;
      }
      try {
        signal.get(remaining, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        return List.of();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      } catch (ExecutionException e) {
        throw new IllegalStateException("A job availability signal failed", e);
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
