package io.milepost.host.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BroadcastSignalRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BroadcastSignalResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.StreamActivatedJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutResponse;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.milepost.host.engine.UndeliveredJobs;
import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.Deployment;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.Caller;
import io.milepost.engine.api.Engine;
import io.milepost.engine.api.FailJob;
import io.milepost.engine.api.MessagePublished;
import io.milepost.engine.api.ProcessInstanceResult;
import io.milepost.engine.api.PublishMessage;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.RejectionType;
import io.milepost.engine.api.ThrowError;
import io.milepost.engine.api.UpdateJob;
import io.milepost.host.engine.JobLongPoll;
import io.milepost.host.security.ActionLog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The Camunda 8 gateway service over the engine: each RPC checks what the engine cannot, calls one
 * engine command and translates the answer. RPCs not listed here (decisions, modification, migration,
 * resource deletion, conditional evaluation) answer UNIMPLEMENTED, as the generated base does.
 */
@Component
final class GatewayService extends GatewayGrpc.GatewayImplBase {

  /** Camunda's default when a call names no long-poll or result timeout (0). */
  static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** At most this many jobs go to one stream per engine command (a fork creates several at once). */
  private static final int JOBS_PER_PUSH = 32;

  private final Engine engine;
  private final GatewayMessages messages;
  private final DecisionMessages decisions;
  private final JobLongPoll longPoll;
  private final JobStreamRegistry streams;
  private final UndeliveredJobs undelivered;
  private final TopologyAnswer topology;
  private final ActionLog actions;

  GatewayService(Engine engine, GatewayMessages messages, DecisionMessages decisions, JobLongPoll longPoll,
      JobStreamRegistry streams, UndeliveredJobs undelivered, TopologyAnswer topology, ActionLog actions) {
    this.engine = engine;
    this.messages = messages;
    this.decisions = decisions;
    this.longPoll = longPoll;
    this.streams = streams;
    this.undelivered = undelivered;
    this.topology = topology;
    this.actions = actions;
  }

  @Override
  public void topology(TopologyRequest request, StreamObserver<TopologyResponse> observer) {
    unary("Topology", observer, topology::answer);
  }

  @Override
  public void deployResource(DeployResourceRequest request, StreamObserver<DeployResourceResponse> observer) {
    unary("DeployResource", observer, () -> {
      GatewayMessages.requireDefaultTenant(request.getTenantId());
      if (request.getResourcesCount() == 0) {
        throw GrpcStatuses.invalidArgument("Expected at least one resource to deploy, but found none");
      }
      Deployment deployment = engine.deploy(request.getResourcesList().stream()
          .map(resource -> new DeploymentResource(resource.getName(), resource.getContent().toByteArray()))
          .toList());
      actions.record(ActionLog.Action.DEPLOYED, deployment.key());
      DeployResourceResponse.Builder response = messages.deployed(deployment).toBuilder();
      decisions.addDeployed(deployment, response);
      return response.build();
    });
  }

  /** A failed evaluation is an answer carrying its failure, as in Camunda; an unknown decision is NOT_FOUND. */
  @Override
  public void evaluateDecision(GatewayOuterClass.EvaluateDecisionRequest request,
      StreamObserver<GatewayOuterClass.EvaluateDecisionResponse> observer) {
    unary("EvaluateDecision", observer,
        () -> decisions.evaluated(engine.evaluateDecision(decisions.evaluation(request))));
  }

  @Override
  public void createProcessInstance(
      CreateProcessInstanceRequest request, StreamObserver<CreateProcessInstanceResponse> observer) {
    unary("CreateProcessInstance", observer, () -> {
      engine.admitNewWork(); // a refusal costs no decoding of the variables
      return messages.created(engine.createProcessInstance(messages.creation(request, List.of())));
    });
  }

  /** Holds the call until the instance ends; on timeout the instance keeps running, as in Camunda. */
  @Override
  public void createProcessInstanceWithResult(CreateProcessInstanceWithResultRequest request,
      StreamObserver<CreateProcessInstanceWithResultResponse> observer) {
    unary("CreateProcessInstanceWithResult", observer, () -> {
      engine.admitNewWork();
      Duration timeout = request.getRequestTimeout() <= 0
          ? DEFAULT_REQUEST_TIMEOUT : Duration.ofMillis(request.getRequestTimeout());
      CompletableFuture<ProcessInstanceResult> result = engine.createProcessInstanceWithResult(
          messages.creation(request.getRequest(), request.getFetchVariablesList()));
      try {
        return messages.completed(result.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
      } catch (TimeoutException e) {
        result.cancel(false); // tells the engine nobody waits for this result any more
        throw Status.DEADLINE_EXCEEDED.withDescription("Expected the process instance to complete within "
            + timeout.toMillis() + " ms (requestTimeout), but it is still running").asRuntimeException();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        result.cancel(false);
        throw Status.UNAVAILABLE.withDescription(
            "Expected to await the process instance, but the server is shutting down").asRuntimeException();
      } catch (ExecutionException e) {
        throw GrpcStatuses.of("CreateProcessInstanceWithResult", e);
      }
    });
  }

  @Override
  public void cancelProcessInstance(
      CancelProcessInstanceRequest request, StreamObserver<CancelProcessInstanceResponse> observer) {
    unary("CancelProcessInstance", observer, () -> {
      engine.cancelProcessInstance(request.getProcessInstanceKey());
      actions.record(ActionLog.Action.CANCELLED_INSTANCE, request.getProcessInstanceKey());
      return CancelProcessInstanceResponse.getDefaultInstance();
    });
  }

  /**
   * Long polling: answers as soon as jobs were activated, or empty after the request timeout (0: the
   * default, negative: at once). Jobs activated just as the caller left are given back.
   */
  @Override
  public void activateJobs(ActivateJobsRequest request, StreamObserver<ActivateJobsResponse> observer) {
    ServerCallStreamObserver<ActivateJobsResponse> call = (ServerCallStreamObserver<ActivateJobsResponse>) observer;
    List<io.milepost.engine.api.ActivatedJob> jobs;
    try {
      requireJobType(request.getType());
      requireWorker(request.getWorker());
      requirePositive("timeout", request.getTimeout());
      requirePositive("maxJobsToActivate", request.getMaxJobsToActivate());
      GatewayMessages.requireDefaultTenants(request.getTenantIdsList());
      ActivateJobs command = messages.activation(request.getType(), request.getWorker(), request.getTimeout(),
          request.getMaxJobsToActivate(), request.getFetchVariableList());
      Duration requestTimeout = request.getRequestTimeout() == 0
          ? DEFAULT_REQUEST_TIMEOUT : Duration.ofMillis(Math.max(0, request.getRequestTimeout()));
      jobs = activateWhileCallerWaits(command, requestTimeout);
    } catch (RuntimeException | OutOfMemoryError e) { // gRPC would answer an Error with UNKNOWN, never retried
      observer.onError(GrpcStatuses.of("ActivateJobs", e));
      return;
    }
    if (call.isCancelled()) {
      undelivered.giveBack(jobs, "the ActivateJobs call was cancelled before the jobs were sent");
      return;
    }
    ActivateJobsResponse response;
    try {
      response = ActivateJobsResponse.newBuilder().addAllJobs(jobs.stream().map(messages::job).toList()).build();
    } catch (RuntimeException | OutOfMemoryError e) {
      undelivered.giveBack(jobs, "the ActivateJobs answer could not be written: " + e.getMessage());
      observer.onError(GrpcStatuses.of("ActivateJobs", e));
      return;
    }
    observer.onNext(response);
    observer.onCompleted();
  }

  private List<io.milepost.engine.api.ActivatedJob> activateWhileCallerWaits(ActivateJobs command, Duration timeout) {
    Context call = Context.current();
    CompletableFuture<Void> callerGone = new CompletableFuture<>();
    Context.CancellationListener listener = cancelled -> callerGone.complete(null);
    call.addListener(listener, Runnable::run);
    try {
      return longPoll.activate(command, timeout, callerGone);
    } finally {
      call.removeListener(listener);
    }
  }

  /** Registers a stream; jobs are pushed to it by {@link JobStreamRegistry} until the client closes it. */
  @Override
  public void streamActivatedJobs(StreamActivatedJobsRequest request, StreamObserver<ActivatedJob> observer) {
    try {
      requireJobType(request.getType());
      requirePositive("timeout", request.getTimeout());
      GatewayMessages.requireDefaultTenants(request.getTenantIdsList());
      streams.open(new JobStream(
          messages.activation(request.getType(), request.getWorker(), request.getTimeout(), JOBS_PER_PUSH,
              request.getFetchVariableList()),
          (ServerCallStreamObserver<ActivatedJob>) observer));
    } catch (RuntimeException | OutOfMemoryError e) {
      observer.onError(GrpcStatuses.of("StreamActivatedJobs", e));
    }
  }

  @Override
  public void completeJob(CompleteJobRequest request, StreamObserver<CompleteJobResponse> observer) {
    unary("CompleteJob", observer, () -> {
      if (request.hasResult()) {
        throw GrpcStatuses.invalidArgument("Expected no job result (user task listeners and ad-hoc sub-process "
            + "results are not supported), but found one");
      }
      engine.completeJob(request.getJobKey(), messages.variables(request.getVariables()));
      return CompleteJobResponse.getDefaultInstance();
    });
  }

  @Override
  public void failJob(FailJobRequest request, StreamObserver<FailJobResponse> observer) {
    unary("FailJob", observer, () -> {
      engine.failJob(new FailJob(request.getJobKey(), request.getRetries(), request.getErrorMessage(),
          Duration.ofMillis(Math.max(0, request.getRetryBackOff())), messages.variables(request.getVariables())));
      return FailJobResponse.getDefaultInstance();
    });
  }

  @Override
  public void throwError(ThrowErrorRequest request, StreamObserver<ThrowErrorResponse> observer) {
    unary("ThrowError", observer, () -> {
      if (request.getErrorCode().isBlank()) {
        throw GrpcStatuses.invalidArgument("Expected an errorCode for the BPMN error, but it was empty");
      }
      engine.throwError(new ThrowError(request.getJobKey(), request.getErrorCode(), request.getErrorMessage(),
          messages.variables(request.getVariables())));
      return ThrowErrorResponse.getDefaultInstance();
    });
  }

  @Override
  public void updateJobRetries(UpdateJobRetriesRequest request, StreamObserver<UpdateJobRetriesResponse> observer) {
    unary("UpdateJobRetries", observer, () -> {
      engine.updateJob(new UpdateJob(request.getJobKey(), request.getRetries(), null));
      return UpdateJobRetriesResponse.getDefaultInstance();
    });
  }

  @Override
  public void updateJobTimeout(UpdateJobTimeoutRequest request, StreamObserver<UpdateJobTimeoutResponse> observer) {
    unary("UpdateJobTimeout", observer, () -> {
      engine.updateJob(new UpdateJob(request.getJobKey(), null, Duration.ofMillis(request.getTimeout())));
      return UpdateJobTimeoutResponse.getDefaultInstance();
    });
  }

  @Override
  public void publishMessage(PublishMessageRequest request, StreamObserver<PublishMessageResponse> observer) {
    unary("PublishMessage", observer, () -> {
      GatewayMessages.requireDefaultTenant(request.getTenantId());
      if (request.getName().isBlank()) {
        throw GrpcStatuses.invalidArgument("Expected a message name, but it was empty");
      }
      String messageId = request.getMessageId().isEmpty() ? null : request.getMessageId();
      MessagePublished published;
      try {
        published = engine.publishMessage(new PublishMessage(request.getName(), request.getCorrelationKey(),
            Duration.ofMillis(Math.max(0, request.getTimeToLive())), messageId,
            messages.variables(request.getVariables())));
      } catch (RejectionException rejection) {
        // The engine's only invalid-state rejection of a publication is a live message with the same id,
        // which Camunda's gateway answers with ALREADY_EXISTS.
        if (rejection.type() == RejectionType.INVALID_STATE && messageId != null) {
          throw Status.ALREADY_EXISTS.withDescription(rejection.getMessage()).asRuntimeException();
        }
        throw rejection;
      }
      return PublishMessageResponse.newBuilder().setKey(published.messageKey())
          .setTenantId(published.tenantId() == null ? GatewayMessages.DEFAULT_TENANT : published.tenantId()).build();
    });
  }

  /**
   * The engine does not name the variable document it applied, so the response key is 0 (Camunda
   * answers the key of its VariableDocument record; no client command reads it back).
   */
  @Override
  public void setVariables(SetVariablesRequest request, StreamObserver<SetVariablesResponse> observer) {
    unary("SetVariables", observer, () -> {
      engine.setVariables(request.getElementInstanceKey(), messages.variables(request.getVariables()),
          request.getLocal());
      return SetVariablesResponse.newBuilder().setKey(0).build();
    });
  }

  @Override
  public void resolveIncident(ResolveIncidentRequest request, StreamObserver<ResolveIncidentResponse> observer) {
    unary("ResolveIncident", observer, () -> {
      engine.resolveIncident(request.getIncidentKey());
      actions.record(ActionLog.Action.RESOLVED_INCIDENT, request.getIncidentKey());
      return ResolveIncidentResponse.getDefaultInstance();
    });
  }

  @Override
  public void broadcastSignal(BroadcastSignalRequest request, StreamObserver<BroadcastSignalResponse> observer) {
    unary("BroadcastSignal", observer, () -> {
      GatewayMessages.requireDefaultTenant(request.getTenantId());
      if (request.getSignalName().isBlank()) {
        throw GrpcStatuses.invalidArgument("Expected a signal name, but it was empty");
      }
      long key = engine.broadcastSignal(request.getSignalName(), messages.variables(request.getVariables()));
      return BroadcastSignalResponse.newBuilder().setKey(key).setTenantId(GatewayMessages.DEFAULT_TENANT).build();
    });
  }

  /** Answers once, or with the status of what the call threw; the server keeps serving either way. */
  private static <T> void unary(String rpc, StreamObserver<T> observer, Supplier<T> answer) {
    T response;
    try {
      // a command whose call was cancelled, or whose deadline passed, before the engine got to it is dropped
      response = Caller.whileWaiting(Context.current()::isCancelled, answer);
    } catch (RuntimeException | OutOfMemoryError e) { // gRPC would answer an Error with UNKNOWN, never retried
      observer.onError(GrpcStatuses.of(rpc, e));
      return;
    }
    observer.onNext(response);
    observer.onCompleted();
  }

  private static void requireJobType(String type) {
    if (type.isBlank()) {
      throw GrpcStatuses.invalidArgument("Expected a job type, but it was empty");
    }
  }

  private static void requireWorker(String worker) {
    if (worker.isBlank()) {
      throw GrpcStatuses.invalidArgument("Expected a worker name, but it was empty");
    }
  }

  private static void requirePositive(String field, long value) {
    if (value < 1) {
      throw GrpcStatuses.invalidArgument("Expected " + field + " to be at least 1, but found " + value);
    }
  }
}
