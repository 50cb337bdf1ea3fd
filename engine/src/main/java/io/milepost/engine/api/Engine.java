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
   * Creates an instance and completes the future when it ends (with its variables) or fails it
   * with {@link RejectionException} when the instance is cancelled. Callers apply their own timeout.
   */
  CompletableFuture<ProcessInstanceResult> createProcessInstanceWithResult(
      CreateProcessInstance command);

  void cancelProcessInstance(long processInstanceKey);

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

  /** Fires what is due by the engine's clock: timers, job time-outs, retry back-offs, message TTLs. */
  void processDueWork();

  EngineQueries queries();

  /** Tells the listener whenever jobs of a type may have become activatable (for long polls). */
  void addJobAvailabilityListener(JobAvailabilityListener listener);

  /** Topology facts the API reports. */
  EngineInfo info();

  @Override
  void close();
}
