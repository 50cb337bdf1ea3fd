package io.milepost.host.api.job;

import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.Engine;
import io.milepost.engine.api.FailJob;
import io.milepost.engine.api.ThrowError;
import io.milepost.engine.api.UpdateJob;
import io.milepost.host.api.ApiException;
import io.milepost.host.api.JsonDocuments;
import io.milepost.host.api.Keys;
import io.milepost.host.engine.JobLongPoll;
import io.milepost.host.engine.UndeliveredJobs;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Job workers' commands under {@code /v2/jobs}. */
@RestController
@RequestMapping("/v2/jobs")
final class JobController {

  /** Camunda's gateway default when a request names no long-poll timeout (0 or absent). */
  static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
  static final Duration DEFAULT_JOB_TIMEOUT = Duration.ofMinutes(5);

  private final Engine engine;
  private final JobLongPoll longPoll;
  private final JsonDocuments json;
  private final UndeliveredJobs undelivered;

  JobController(Engine engine, JobLongPoll longPoll, JsonDocuments json, UndeliveredJobs undelivered) {
    this.engine = engine;
    this.longPoll = longPoll;
    this.json = json;
    this.undelivered = undelivered;
  }

  /**
   * A long poll that notices when its client has gone ({@link ClientPresence}): it stops waiting, and jobs
   * it was answered with but could not deliver go back to the engine at once instead of staying activated
   * until their timeout (5 minutes by default), as gRPC streams do.
   */
  @PostMapping("/activation")
  void activate(@RequestBody JobActivationRequest request, HttpServletResponse response) {
    if (request.type() == null || request.type().isBlank()) {
      throw ApiException.invalidArgument("Expected a job 'type' to activate, but it was missing");
    }
    if (request.maxJobsToActivate() == null || request.maxJobsToActivate() < 1) {
      throw ApiException.invalidArgument(
          "Expected 'maxJobsToActivate' to be at least 1, but found " + request.maxJobsToActivate());
    }
    Duration jobTimeout = request.timeout() == null || request.timeout() <= 0
        ? DEFAULT_JOB_TIMEOUT : Duration.ofMillis(request.timeout());
    ActivateJobs command = new ActivateJobs(request.type(), request.worker() == null ? "" : request.worker(),
        jobTimeout, request.maxJobsToActivate(), request.fetchVariable() == null ? List.of() : request.fetchVariable());
    // As in Camunda: 0 or absent waits the default time, a negative timeout does not wait at all.
    Duration requestTimeout = request.requestTimeout() == null || request.requestTimeout() == 0
        ? DEFAULT_REQUEST_TIMEOUT : Duration.ofMillis(Math.max(0, request.requestTimeout()));
    try (ClientPresence client = new ClientPresence(response)) {
      List<ActivatedJob> jobs = longPoll.activate(command, answerWithin(requestTimeout), client.gone(), client::watch);
      String answer = json.write(new JobActivationResponse(jobs.stream().map(ActivatedJobResponse::of).toList()));
      if (!client.answer(answer) && !jobs.isEmpty()) {
        undelivered.giveBack(jobs, "the REST long poll's client had gone");
      }
    }
  }

  @PostMapping("/{jobKey}/completion")
  ResponseEntity<Void> complete(@PathVariable String jobKey, @RequestBody(required = false) JobCompletionRequest request) {
    long key = Keys.parse("jobKey", jobKey);
    if (request != null && request.result() != null && !request.result().isNull()) {
      throw ApiException.invalidArgument(
          "Expected no job 'result' (user task listener and ad-hoc corrections are not supported), but found one");
    }
    engine.completeJob(key, json.object("variables", request == null ? null : request.variables()));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{jobKey}/failure")
  ResponseEntity<Void> fail(@PathVariable String jobKey, @RequestBody(required = false) JobFailRequest request) {
    JobFailRequest failure = request == null ? new JobFailRequest(null, null, null, null) : request;
    engine.failJob(new FailJob(Keys.parse("jobKey", jobKey),
        failure.retries() == null ? 0 : failure.retries(),
        failure.errorMessage(),
        Duration.ofMillis(failure.retryBackOff() == null ? 0 : Math.max(0, failure.retryBackOff())),
        json.object("variables", failure.variables())));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{jobKey}/error")
  ResponseEntity<Void> throwError(@PathVariable String jobKey, @RequestBody JobErrorRequest request) {
    if (request.errorCode() == null || request.errorCode().isBlank()) {
      throw ApiException.invalidArgument("Expected an 'errorCode' for the BPMN error, but it was missing");
    }
    engine.throwError(new ThrowError(Keys.parse("jobKey", jobKey), request.errorCode(), request.errorMessage(),
        json.object("variables", request.variables())));
    return ResponseEntity.noContent().build();
  }

  @PatchMapping("/{jobKey}")
  ResponseEntity<Void> update(@PathVariable String jobKey, @RequestBody JobUpdateRequest request) {
    long key = Keys.parse("jobKey", jobKey);
    JobChangeset changes = request.changeset();
    if (changes == null || (changes.retries() == null && changes.timeout() == null)) {
      throw ApiException.invalidArgument("Expected a 'changeset' with 'retries' and/or 'timeout', but found none");
    }
    engine.updateJob(new UpdateJob(key, changes.retries(),
        changes.timeout() == null ? null : Duration.ofMillis(changes.timeout())));
    return ResponseEntity.noContent().build();
  }

  record JobActivationRequest(String type, String worker, Long timeout, Integer maxJobsToActivate,
      List<String> fetchVariable, Long requestTimeout, List<String> tenantIds, String tenantFilter) {}

  record JobActivationResponse(List<ActivatedJobResponse> jobs) {}

  record JobCompletionRequest(JsonNode variables, JsonNode result) {}

  record JobFailRequest(Integer retries, String errorMessage, Long retryBackOff, JsonNode variables) {}

  record JobErrorRequest(String errorCode, String errorMessage, JsonNode variables) {}

  record JobUpdateRequest(JobChangeset changeset, Long operationReference) {}

  record JobChangeset(Integer retries, Long timeout) {}

  /**
   * The client gives up one second after its requestTimeout; answering a little before the timeout
   * keeps an empty answer from arriving too late on a busy machine.
   */
  static Duration answerWithin(Duration requestTimeout) {
    Duration margin = requestTimeout.compareTo(Duration.ofSeconds(5)) >= 0 ? Duration.ofMillis(500) : requestTimeout.dividedBy(10);
    return requestTimeout.minus(margin);
  }
}
