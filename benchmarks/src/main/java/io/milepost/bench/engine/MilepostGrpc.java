package io.milepost.bench.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.worker.JobWorker;
import io.milepost.bench.harness.InstanceTracker;
import io.milepost.bench.harness.JvmProbe;
import io.milepost.bench.harness.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Milepost over its Camunda 8 gRPC gateway: engine-host in a child JVM, and in this JVM the official
 * Camunda Java client with gRPC preferred and one job worker per job type with job streaming on
 * ({@code StreamActivatedJobs}: the gateway pushes jobs as they become available), completing each job
 * from its handler.
 *
 * <p>The client keeps its default long polling ({@code ActivateJobs}) alongside the stream. The engine,
 * like Camunda's broker, pushes a new job to a stream before a held poll, so the polls mostly come back
 * empty.
 *
 * <p>Deploy, create and complete go over gRPC; the completed-instance check is a search, which the 8.9
 * client sends over REST whatever the preference, so the REST address is set too.
 */
public final class MilepostGrpc implements EngineAdapter {

  private final List<JobWorker> workers = new ArrayList<>();
  private EngineHostProcess host;
  private CamundaClient client;
  private Workload workload;

  @Override
  public void start(BenchContext context, InstanceTracker tracker) throws Exception {
    workload = context.workload();
    host = EngineHostProcess.start(context);
    host.awaitGrpc();
    client = CamundaClient.newClientBuilder()
        .grpcAddress(host.grpcAddress())
        .restAddress(host.restAddress())
        .preferRestOverGrpc(false)
        .numJobWorkerExecutionThreads(context.workerThreadsPerType() * workload.jobTypes().size())
        .build();
    client.newDeployResourceCommand()
        .addResourceStringUtf8(context.models().camunda(workload), workload.processId() + ".bpmn")
        .send().join();
    JobCounter counter = new JobCounter(workload.jobsPerInstance(), tracker);
    for (String type : workload.jobTypes()) {
      Map<String, Object> result = workload.resultVariables(type);
      workers.add(client.newWorker()
          .jobType(type)
          .handler((jobClient, job) -> {
            jobClient.newCompleteCommand(job).variables(result).send().join();
            counter.completed(job.getProcessInstanceKey());
          })
          .name("bench")
          .timeout(Duration.ofMinutes(5))
          .streamEnabled(true)
          .open());
    }
  }

  @Override
  public Object startInstance(int n) {
    return client.newCreateInstanceCommand()
        .bpmnProcessId(workload.processId())
        .latestVersion()
        .variables(workload.startVariables(n))
        .send().join().getProcessInstanceKey();
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
