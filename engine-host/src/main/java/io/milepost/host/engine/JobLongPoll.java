package io.milepost.host.engine;

import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.Engine;
import io.milepost.engine.api.JobStreamHandle;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Holds a job activation (REST or gRPC) until jobs of its type are activated for it, its time is up,
 * or its caller is gone.
 *
 * <p>No polling: the request waits on the engine ({@link Engine#awaitJobs}), which activates jobs
 * for it in the command that creates them (or makes them activatable) and hands them over after the
 * commit. A delivery that arrives after the caller gave up is refused, and the engine makes those
 * jobs activatable again. Callers run on virtual threads, so a held request costs no platform thread.
 */
@Component
public final class JobLongPoll implements SmartLifecycle {

  /**
   * Before the web server and the gRPC gateway (they start after it and stop before it), so no request
   * finds it stopped while the host serves.
   */
  private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

  /** Requests held right now; one whose caller has gone leaves it within seconds. */
  public static final String HELD = "milepost.jobs.long-polls";

  private final Engine engine;
  private final Set<CompletableFuture<List<ActivatedJob>>> waiting = ConcurrentHashMap.newKeySet();
  private volatile boolean running;

  JobLongPoll(Engine engine, MeterRegistry meters) {
    this.engine = engine;
    Gauge.builder(HELD, waiting, Set::size)
        .description("Job activations (REST long polls and gRPC) held until jobs exist or their time is up")
        .baseUnit("requests")
        .register(meters);
  }

  public List<ActivatedJob> activate(ActivateJobs command, Duration answerWithin, CompletableFuture<?> callerGone) {
    return activate(command, answerWithin, callerGone, () -> {});
  }

  /**
   * @param answerWithin how long to hold the request at most
   * @param callerGone completes when the caller cancels or its deadline passes: stop waiting
   * @param onHeld runs when no job was there at once and the request starts to wait (not when it is refused)
   * @return the jobs activated; empty after the time is up, when the caller left, or at shutdown
   */
  public List<ActivatedJob> activate(ActivateJobs command, Duration answerWithin, CompletableFuture<?> callerGone,
      Runnable onHeld) {
    if (!running || callerGone.isDone()) {
      return List.of();
    }
    CompletableFuture<List<ActivatedJob>> answer = new CompletableFuture<>();
    waiting.add(answer);
    // the sink refuses (returns false) once the answer is settled: late jobs go back to the engine
    JobStreamHandle handle;
    try {
      handle = engine.awaitJobs(command, answer::complete);
    } catch (RuntimeException refused) {
      waiting.remove(answer); // e.g. refused under back-pressure: it was never held
      throw refused;
    }
    try {
      if (!answer.isDone()) {
        onHeld.run();
      }
      CompletableFuture.anyOf(answer, callerGone).get(answerWithin.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // time is up, or the caller-gone future completed exceptionally: the caller left
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      handle.close();
      answer.complete(List.of());
      waiting.remove(answer);
    }
    return answer.join();
  }

  @Override
  public void start() {
    running = true;
  }

  /**
   * Lets held requests answer (empty) instead of holding the server up, and answers new ones at once until
   * started again. A stop is not the end: Spring stops and starts the host's lifecycle beans again (a test
   * context paused while another runs, then resumed), and a poll that stayed closed after such a restart
   * answered every REST activation at once with no jobs.
   */
  @Override
  public void stop() {
    running = false;
    waiting.forEach(answer -> answer.complete(List.of()));
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
