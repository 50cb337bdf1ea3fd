package io.milepost.engine.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The engine's command side, as the Camunda 8 API and in-process workers use it.
 *
 * <p>Every method is one command: it is applied atomically and, once it returns, it is durable and
 * visible to {@link #queries()}. A command the engine refuses throws {@link RejectionException}
 * (nothing changed); a deployment with invalid models throws {@link DeploymentRejectedException}.
 */
public interface Engine extends AutoCloseable {

  Deployment deploy(List<DeploymentResource> resources);

  ProcessInstanceCreated createProcessInstance(CreateProcessInstance command);

  /**
   * Throws the {@link RejectionException} ({@code RESOURCE_EXHAUSTED}) that a command bringing new work would get now,
   * while more commands wait than the engine admits; for an API that would otherwise read a request's variables only
   * to have the command refused. A command may still be refused after this passed.
   */
  void admitNewWork();

  /**
   * Creates an instance and completes the future when it ends (with its variables) or fails it
   * with {@link RejectionException} when the instance is cancelled. Callers apply their own timeout.
   */
  CompletableFuture<ProcessInstanceResult> createProcessInstanceWithResult(
      CreateProcessInstance command);

  void cancelProcessInstance(long processInstanceKey);

  /**
   * Evaluates a deployed decision with the given variables, outside any process, and keeps the evaluation as
   * decision instances. A failed evaluation is returned (with its failure), not thrown; an unknown decision is
   * rejected with NOT_FOUND.
   */
  DecisionEvaluation evaluateDecision(EvaluateDecision command);

  /** The read side of DMN: decision definitions, decision requirements and decision instances. */
  DecisionQueries decisionQueries();

  List<ActivatedJob> activateJobs(ActivateJobs command);

  void completeJob(long jobKey, Map<String, Object> variables);

  void failJob(FailJob command);

  void throwError(ThrowError command);

  void updateJob(UpdateJob command);

  void setVariables(long elementInstanceKey, Map<String, Object> variables, boolean local);

  void resolveIncident(long incidentKey);

  void assignUserTask(long userTaskKey, String assignee, boolean allowOverride);

  void unassignUserTask(long userTaskKey);

  void completeUserTask(long userTaskKey, Map<String, Object> variables, String action);

  MessagePublished publishMessage(PublishMessage command);

  MessageCorrelated correlateMessage(CorrelateMessage command);

  long broadcastSignal(String signalName, Map<String, Object> variables);

  /**
   * Fires what is due by the engine's clock: timers, job time-outs, retry back-offs, message TTLs; and deletes a few
   * batches of the history that ended longer ago than the retention, when a sweep is due.
   */
  void processDueWork();

  EngineQueries queries();

  /**
   * Deletes every deployment, instance and their history, as one command (process tests start each test on an
   * empty engine). Keys keep counting, so none is reused. Open job streams stay open.
   */
  void purge();

  /**
   * Opens a job stream: jobs of {@code activation.type()} are activated for it (with its worker, timeout
   * and fetched variables) by the very command that makes them activatable, and handed to the sink once
   * that command committed, with no activation request per job. Jobs already activatable are pushed at
   * once. Streams of one type take the jobs in turn; a command gives one stream at most
   * {@code activation.maxJobs()} of them.
   */
  JobStreamHandle openJobStream(ActivateJobs activation, JobSink sink);

  /**
   * A long poll: like {@link #openJobStream}, but the stream takes one delivery of at most
   * {@code activation.maxJobs()} jobs and closes. Close the handle when the caller stops waiting.
   */
  JobStreamHandle awaitJobs(ActivateJobs activation, JobSink sink);

  /** Topology facts the API reports. */
  EngineInfo info();

  /** Whether commands are being applied (health checks read this, not only the store). */
  EngineStatus status();

  @Override
  void close();
}
