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
import org.springframework.beans.factory.DisposableBean;
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
public final class JobLongPoll implements DisposableBean {

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

  /** Lets held requests answer (empty) at shutdown instead of holding the server up. */
  @Override
  public void destroy() {
    closed = true;
    waiting.forEach(answer -> answer.complete(List.of()));
  }
}
