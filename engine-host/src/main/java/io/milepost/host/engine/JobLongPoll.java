package io.milepost.host.engine;

import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.Engine;
import io.milepost.engine.api.JobStreamHandle;
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
 *
 * <p>A lifecycle bean in the last phase: it stops first, so held requests answer (empty) before the web and gRPC
 * servers wait for their requests to finish, and it serves again when the context is started again (Spring's test
 * context cache pauses and restarts every cached context it switches away from).
 */
@Component
public final class JobLongPoll implements SmartLifecycle {

  private final Engine engine;
  private final Set<CompletableFuture<List<ActivatedJob>>> waiting = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  JobLongPoll(Engine engine) {
    this.engine = engine;
  }

  /**
   * @param answerWithin how long to hold the request at most
   * @param callerGone completes when the caller cancels or its deadline passes: stop waiting
   * @return the jobs activated; empty after the time is up, when the caller left, or at shutdown
   */
  public List<ActivatedJob> activate(ActivateJobs command, Duration answerWithin, CompletableFuture<?> callerGone) {
    if (closed || callerGone.isDone()) {
      return List.of();
    }
    CompletableFuture<List<ActivatedJob>> answer = new CompletableFuture<>();
    waiting.add(answer);
    // the sink refuses (returns false) once the answer is settled: late jobs go back to the engine
    JobStreamHandle handle = engine.awaitJobs(command, answer::complete);
    try {
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
    closed = false;
  }

  /** Lets held requests answer (empty) instead of holding the servers' stop up; new ones answer empty until start. */
  @Override
  public void stop() {
    closed = true;
    waiting.forEach(answer -> answer.complete(List.of()));
  }

  @Override
  public boolean isRunning() {
    return !closed;
  }
}
