package io.milepost.host.step;

import io.milepost.engine.api.StoreUnavailableException;
import io.milepost.host.inventory.JobInventories;
import io.milepost.host.sitedata.SiteDataReader;
import io.milepost.host.sitedata.SiteDataReaders;
import io.milepost.host.step.StepInvoker.Invocation;
import io.milepost.host.step.StepRouter.Route;
import io.milepost.plugin.api.StepResult;
import io.milepost.plugin.context.JsonStepContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Handles one activated job: routes it to the plugin version its site runs, calls the plugin within
 * its budget, records the step and answers the engine (complete, BPMN error, or fail).
 *
 * <p>Never throws: the client's default exception handler would fail the job with a stack trace as
 * its message, where the people reading the incident need the cause in one sentence.
 */
final class StepDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(StepDispatcher.class);
  private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT = new TypeReference<>() {};
  /** How often an answer the engine could not take for a passing reason is tried, and the pause between. */
  private static final int ANSWER_ATTEMPTS = 8;
  private static final Duration ANSWER_PAUSE = Duration.ofMillis(500);

  private final StepRouter router;
  private final StepInvoker invoker;
  private final StepRecords records;
  private final StepMetrics metrics;
  private final Duration stepTimeout;
  private final Clock clock;
  private final JsonMapper json;
  private final JobInventories inventories;
  private final SiteDataReaders siteData;
  private final HeapGuard heap;
  private final Duration heldBackFor;

  StepDispatcher(StepRouter router, StepInvoker invoker, StepRecords records, StepMetrics metrics, Duration stepTimeout,
      Clock clock, JsonMapper json, JobInventories inventories, SiteDataReaders siteData, HeapGuard heap,
      Duration heldBackFor) {
    this.router = router;
    this.invoker = invoker;
    this.records = records;
    this.metrics = metrics;
    this.stepTimeout = stepTimeout;
    this.clock = clock;
    this.json = json;
    this.inventories = inventories;
    this.siteData = siteData;
    this.heap = heap;
    this.heldBackFor = heldBackFor;
  }

  /**
   * Runs the step of one job and answers the engine; whatever happens, the job is answered or left to time out.
   * While the heap is critical no plugin is called: the job goes back to the engine (see {@link #holdBack}).
   */
  void handle(StepJob job, JobAnswers answers) {
    HeapGuard.HeapReading reading = heap.reading();
    if (reading.critical()) {
      holdBack(job, answers, reading.describe());
      return;
    }
    try {
      dispatch(job, answers);
    } catch (OutOfMemoryError e) {
      // The heap ran out in the host's own handling (building the context, recording the step), maybe after the
      // plugin ran and hoarded it: the job uses up a retry like any failure, or such a plugin would be called
      // again and again for free.
      send(answers, job, new StepDecision.Fail(StepOutcome.FAILED, "Job " + job.key() + " of type '" + job.type()
          + "' ran out of memory (" + e + ") while the host handled it", retriesAfterFailure(job), heldBackFor), null);
    }
  }

  private void dispatch(StepJob job, JobAnswers answers) {
    Instant startedAt = clock.instant();
    long started = System.nanoTime();
    String siteId = null;
    String pluginId = null;
    String pluginVersion = null;
    Map<String, Double> measures = Map.of();
    String dataVersions = null;
    StepDecision decision;
    try {
      Map<String, Object> variables = job.variables();
      Route route = router.route(job.key(), job.type(), variables);
      switch (route) {
        case Route.Unroutable unroutable -> {
          siteId = unroutable.siteId();
          // Retrying cannot fix a missing mapping or assignment: raise the incident at once.
          decision = new StepDecision.Fail(StepOutcome.FAILED, unroutable.message(), 0, Duration.ZERO);
        }
        case Route.Routed routed -> {
          siteId = routed.site().id();
          pluginId = routed.plugin().pluginId();
          pluginVersion = routed.plugin().version();
          started = System.nanoTime();
          SiteDataReader data = siteData.forSite(siteId);
          JsonStepContext context = new JsonStepContext(routed.site(), variables, job.customHeaders(),
              job.retries(), inventories.forJob(job.processInstanceKey(), job.key(), job.type()), data::rows);
          Invocation invocation = invoker.invoke(routed.handler(), context, routed.plugin(), stepTimeout);
          decision = decide(invocation, job, routed);
          dataVersions = data.versionsUsed();
          if (invocation instanceof Invocation.Returned returned) {
            measures = returned.result().measures();
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.error("Could not route job {} of type '{}'", job.key(), job.type(), e);
      decision = new StepDecision.Fail(StepOutcome.FAILED, "Job " + job.key() + " of type '" + job.type()
          + "': the host could not route it: " + describe(e), retriesAfterFailure(job), Duration.ZERO);
    }
    long durationMs = (System.nanoTime() - started) / 1_000_000;
    StepRecord record = new StepRecord(job.key(), job.processInstanceKey(), job.elementId(), job.type(),
        siteId, pluginId, pluginVersion, decision.outcome(), decision.message(), startedAt, durationMs, dataVersions);
    // Recorded before answering the engine, so a record exists once the instance moves on.
    Long recordId = store(record, measures);
    metrics.record(record);
    send(answers, job, decision, recordId);
  }

  private StepDecision decide(Invocation invocation, StepJob job, Route.Routed routed) {
    String step = "Plugin " + routed.plugin().coordinates() + " at site '" + routed.site().id() + "' on job "
        + job.key() + " of type '" + job.type() + "'";
    return switch (invocation) {
      case Invocation.TimedOut timedOut -> new StepDecision.Fail(StepOutcome.TIMED_OUT,
          step + " did not finish within its budget of " + timedOut.budget().toMillis()
              + " ms (milepost.worker.step-timeout); it had allocated " + megabytes(timedOut.allocatedBytes())
              + " by then", retriesAfterFailure(job), Duration.ZERO);
      case Invocation.RanOutOfMemory outOfMemory -> new StepDecision.Fail(StepOutcome.FAILED,
          step + " ran out of memory (" + outOfMemory.error() + ") after this call had allocated "
              + megabytes(outOfMemory.allocatedBytes()), retriesAfterFailure(job), Duration.ZERO);
      case Invocation.Threw threw -> new StepDecision.Fail(StepOutcome.FAILED,
          step + " failed: " + describe(threw.failure()), retriesAfterFailure(job), Duration.ZERO);
      case Invocation.Returned returned -> switch (returned.result()) {
        case StepResult.Complete complete -> completion(complete, step, job);
        case StepResult.Error error -> new StepDecision.ThrowError(error.code(), error.message());
        case StepResult.Retry retry -> new StepDecision.Fail(StepOutcome.FAILED,
            retry.message().isBlank() ? step + " asked to retry" : retry.message(), retriesAfterFailure(job),
            retry.backoff());
      };
    };
  }

  /** Turns the plugin's variables into plain JSON values now, so a value the client cannot send fails here. */
  private StepDecision completion(StepResult.Complete complete, String step, StepJob job) {
    try {
      return new StepDecision.Complete(json.convertValue(complete.variables(), JSON_OBJECT));
    } catch (JacksonException e) {
      return new StepDecision.Fail(StepOutcome.FAILED, step + " returned variables that are not JSON: "
          + e.getOriginalMessage(), retriesAfterFailure(job), Duration.ZERO);
    }
  }

  private Long store(StepRecord record, Map<String, Double> measures) {
    try {
      return records.add(record, measures);
    } catch (RuntimeException e) {
      LOG.error("Could not store the step record of job {}: {}", record.jobKey(), record, e);
      return null;
    }
  }

  /**
   * Gives the job back to the engine without calling its plugin and without using up one of its retries: it is
   * activatable again after {@code milepost.worker.heap-held-back-for}. Not a step record: no plugin ran, and
   * a rollout's guardrails must not count the host's shortage against the plugin version.
   */
  private void holdBack(StepJob job, JobAnswers answers, String reason) {
    String message = "Job " + job.key() + " of type '" + job.type() + "' was handed to no plugin: " + reason
        + "; it is retried in " + heldBackFor.toSeconds() + " s without using up a retry";
    LOG.warn("{}", message);
    metrics.heldBack(job.type());
    send(answers, job, new StepDecision.Fail(StepOutcome.FAILED, message, job.retries(), heldBackFor), null);
  }

  private void send(JobAnswers answers, StepJob job, StepDecision decision, Long recordId) {
    for (int attempt = 1; ; attempt++) {
      try {
        answer(answers, job, decision);
        return;
      } catch (RuntimeException | OutOfMemoryError e) {
        if (attempt < ANSWER_ATTEMPTS && transientFailure(e) && pause(attempt)) {
          LOG.warn("The engine could not take the {} of job {} yet (attempt {} of {}): {}", decision.outcome(),
              job.key(), attempt, ANSWER_ATTEMPTS, e.toString());
          continue;
        }
        refused(job, decision, recordId, e);
        return;
      }
    }
  }

  private static void answer(JobAnswers answers, StepJob job, StepDecision decision) {
    switch (decision) {
      case StepDecision.Complete complete -> answers.complete(job.key(), complete.variables());
      case StepDecision.ThrowError error -> answers.throwError(job.key(), error.code(), error.message());
      case StepDecision.Fail fail -> {
        if (fail.retries() == 0) {
          LOG.warn("{}", fail.message());
        }
        answers.fail(job.key(), fail.retries(), fail.backoff(), fail.message());
      }
    }
  }

  /**
   * A store outage or a heap that ran out passes: the answer is tried again, or the job would stay locked to
   * this worker until its job timeout (minutes) although its step has ended.
   */
  private static boolean transientFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StoreUnavailableException || cause instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  private static boolean pause(int attempt) {
    try {
      Thread.sleep(ANSWER_PAUSE.multipliedBy(attempt));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void refused(StepJob job, StepDecision decision, Long recordId, Throwable e) {
    // E.g. the job timed out or its instance was cancelled meanwhile; the engine owns the job now.
    LOG.warn("The engine did not accept the {} of job {}: {}", decision.outcome(), job.key(), e.getMessage());
    if (recordId != null) {
      try {
        records.appendMessage(recordId, "the engine did not accept the command: " + e.getMessage());
      } catch (RuntimeException ignored) {
        LOG.debug("Could not note the refusal on step record {}", recordId, ignored);
      }
    }
  }

  private static String megabytes(long bytes) {
    return (bytes >> 20) + " MB";
  }

  private static int retriesAfterFailure(StepJob job) {
    return Math.max(0, job.retries() - 1);
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    return failure.getClass().getName() + (message == null ? "" : ": " + message);
  }
}
