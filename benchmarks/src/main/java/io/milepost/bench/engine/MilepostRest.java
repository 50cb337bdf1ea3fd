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
 * Milepost over its Camunda 8 REST API: engine-host in a child JVM, and in this JVM the official Camunda
 * Java client (REST preferred) with one job worker per job type at the client's defaults (long poll,
 * 32 active jobs), completing each job from its handler.
 */
public final class MilepostRest implements EngineAdapter {

  private final List<JobWorker> workers = new ArrayList<>();
  private EngineHostProcess host;
  private CamundaClient client;
  private Workload workload;

  @Override
  public void start(BenchContext context, InstanceTracker tracker) throws Exception {
    workload = context.workload();
    host = EngineHostProcess.start(context);
    client = CamundaClient.newClientBuilder()
        .restAddress(host.restAddress())
        .preferRestOverGrpc(true)
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
