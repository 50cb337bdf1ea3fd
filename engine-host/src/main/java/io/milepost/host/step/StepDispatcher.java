package io.milepost.host.step;

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

  private final StepRouter router;
  private final StepInvoker invoker;
  private final StepRecords records;
  private final StepMetrics metrics;
  private final Duration stepTimeout;
  private final Clock clock;
  private final JsonMapper json;
  private final JobInventories inventories;
  private final SiteDataReaders siteData;

  StepDispatcher(StepRouter router, StepInvoker invoker, StepRecords records, StepMetrics metrics, Duration stepTimeout,
      Clock clock, JsonMapper json, JobInventories inventories, SiteDataReaders siteData) {
    this.router = router;
    this.invoker = invoker;
    this.records = records;
    this.metrics = metrics;
    this.stepTimeout = stepTimeout;
    this.clock = clock;
    this.json = json;
    this.inventories = inventories;
    this.siteData = siteData;
  }

  /** Runs the step of one job and answers the engine; whatever happens, the job is answered or left to time out. */
  void handle(StepJob job, JobAnswers answers) {
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
              + " ms (milepost.worker.step-timeout)", retriesAfterFailure(job), Duration.ZERO);
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

  private void send(JobAnswers answers, StepJob job, StepDecision decision, Long recordId) {
    try {
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
    } catch (RuntimeException e) {
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
  }

  private static int retriesAfterFailure(StepJob job) {
    return Math.max(0, job.retries() - 1);
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    return failure.getClass().getName() + (message == null ? "" : ": " + message);
  }
}
