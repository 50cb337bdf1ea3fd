package io.milepost.bench.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import io.milepost.bench.harness.InstanceTracker;
import io.milepost.bench.harness.JvmProbe;
import io.milepost.bench.harness.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Milepost through the official Camunda Java client: engine-host in a child JVM, and in this JVM one job worker
 * per job type at the client's defaults (long poll, 32 active jobs), completing each job from its handler, which
 * waits for the completion's answer or, with {@code --completion=async}, sends it and returns
 * ({@link HandlerCompletion}).
 *
 * <p>Over REST ({@link #rest()}) every command goes over the REST API. Over gRPC ({@link #grpcStreaming()})
 * deploy, create and complete go over the gRPC gateway and the workers open job streams
 * ({@code StreamActivatedJobs}: the engine pushes a job as it is created). The client keeps its default long
 * polling alongside the stream, but the engine, like Camunda's broker, gives a new job to a stream before a
 * held poll, so the polls mostly come back empty. The completed-instance check is a search, which the 8.9
 * client sends over REST whatever the preference, so the REST address is always set.
 */
public final class MilepostOverClient implements EngineAdapter {

  /** The client's own default request timeout, as the create calls used before they could set one. */
  private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(10);

  private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(1);

  private final boolean grpc;
  private final List<JobWorker> workers = new ArrayList<>();
  private EngineHostProcess host;
  private CamundaClient client;
  private Workload workload;

  private MilepostOverClient(boolean grpc) {
    this.grpc = grpc;
  }

  public static MilepostOverClient rest() {
    return new MilepostOverClient(false);
  }

  public static MilepostOverClient grpcStreaming() {
    return new MilepostOverClient(true);
  }

  @Override
  public void start(BenchContext context, InstanceTracker tracker) throws Exception {
    workload = context.workload();
    host = EngineHostProcess.start(context);
    var builder = CamundaClient.newClientBuilder()
        .credentialsProvider(EngineHostProcess.credentials())
        .restAddress(host.restAddress())
        .preferRestOverGrpc(!grpc)
        .numJobWorkerExecutionThreads(context.workerThreadsPerType() * workload.jobTypes().size());
    if (grpc) {
      host.awaitGrpc();
      builder.grpcAddress(host.grpcAddress());
    }
    client = builder.build();
    client.newDeployResourceCommand()
        .addResourceStringUtf8(context.models().camunda(workload), workload.processId() + ".bpmn")
        .requestTimeout(DEPLOY_TIMEOUT) // the first call to a cold engine-host on a busy machine can take longer
        .send().join();
    JobCounter counter = new JobCounter(workload.jobsPerInstance(), tracker);
    for (String type : workload.jobTypes()) {
      Map<String, Object> result = workload.resultVariables(type);
      workers.add(client.newWorker()
          .jobType(type)
          .handler(handler(context.completion(), result, counter))
          .name("bench")
          .timeout(Duration.ofMinutes(5))
          .streamEnabled(grpc)
          .open());
    }
  }

  private static JobHandler handler(HandlerCompletion completion, Map<String, Object> result, JobCounter counter) {
    return switch (completion) {
      case BLOCKING -> (jobClient, job) -> {
        jobClient.newCompleteCommand(job).variables(result).send().join();
        counter.completed(job.getProcessInstanceKey());
      };
      // a refused completion is failed with one retry less, as the client does for a handler that throws, so the
      // job is worked again instead of waiting out its timeout
      case ASYNC -> (jobClient, job) -> jobClient.newCompleteCommand(job).variables(result).send()
          .whenComplete((completed, refused) -> {
            if (refused == null) {
              counter.completed(job.getProcessInstanceKey());
            } else {
              jobClient.newFailCommand(job).retries(job.getRetries() - 1).errorMessage(refused.toString()).send();
            }
          });
    };
  }

  @Override
  public Object startInstance(int n) {
    return sendCreate(n, CREATE_TIMEOUT).join().getProcessInstanceKey();
  }

  /** Sends the create command of instance {@code n} without waiting for the answer (open-loop floods). */
  public CamundaFuture<ProcessInstanceEvent> sendCreate(int n, Duration requestTimeout) {
    return client.newCreateInstanceCommand()
        .bpmnProcessId(workload.processId())
        .latestVersion()
        .variables(workload.startVariables(n))
        .requestTimeout(requestTimeout)
        .send();
  }

  @Override
  public long completedInStore() {
    return InstanceCount.of(client, workload.processId(), ProcessInstanceState.COMPLETED);
  }

  @Override
  public List<JvmProbe> jvms() {
    return List.of(JvmProbe.local("bench JVM (client workers)"), host.probe());
  }

  @Override
  public void close() {
    workers.forEach(JobWorker::close);
    if (client != null) {
      client.close();
    }
    if (host != null) {
      host.close();
    }
  }
}
