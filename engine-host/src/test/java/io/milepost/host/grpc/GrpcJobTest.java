package io.milepost.host.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivateJobsResponse;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status.Code;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Job workers over gRPC: long polling, streaming, and what they answer about a job. */
class GrpcJobTest extends GrpcGatewayTestSupport {

  /** Long enough that a worker whose stream does not work never polls within a test. */
  private static final Duration NO_POLLING = Duration.ofHours(1);

  @Autowired
  JobStreamRegistry streams;

  @Autowired
  GatewayMessages messages;

  @Test
  void shouldCompleteJobsOfAPollingWorker() {
    String processId = unique("pack");
    String jobType = unique("pack");
    deploy(oneTask(processId, jobType), processId);

    try (JobWorker worker = client.newWorker().jobType(jobType)
        .handler((jobClient, job) -> jobClient.newCompleteCommand(job)
            .variables(Map.of("box", "B" + job.getVariablesAsMap().get("items"))).send().join())
        .name("packer").open()) {
      List<ProcessInstanceResult> results = IntStream.rangeClosed(1, 3)
          .mapToObj(items -> client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
              .variables(Map.of("items", items)).withResult().send())
          .toList().stream().map(result -> result.join()).toList();

      assertThat(results).extracting(result -> result.getVariablesAsMap().get("box"))
          .containsExactlyInAnyOrder("B1", "B2", "B3");
    }
  }

  @Test
  void shouldHoldAnActivationUntilAJobExists() {
    String processId = unique("long-poll");
    String jobType = unique("long-poll");
    deploy(oneTask(processId, jobType), processId);
    long started = System.nanoTime();

    CompletableFuture<ActivateJobsResponse> activation = client.newActivateJobsCommand().jobType(jobType)
        .maxJobsToActivate(5).workerName("poller").requestTimeout(Duration.ofSeconds(20)).send().toCompletableFuture();
    ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("dock", 2)).send().join();
    ActivateJobsResponse response = activation.join();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(response.getJobs()).singleElement().satisfies(job -> {
      assertThat(job.getProcessInstanceKey()).isEqualTo(instance.getProcessInstanceKey());
      assertThat(job.getWorker()).isEqualTo("poller");
      assertThat(job.getRetries()).isEqualTo(3);
      assertThat(job.getVariablesAsMap()).containsEntry("dock", 2);
      assertThat(job.getElementId()).isEqualTo("task");
    });
  }

  @Test
  void shouldPushNewJobsToAStreamingWorkerWithoutPolling() {
    String processId = unique("stream");
    String jobType = unique("stream");
    deploy(oneTask(processId, jobType), processId);
    List<String> workers = new CopyOnWriteArrayList<>();

    try (JobWorker worker = client.newWorker().jobType(jobType)
        .handler((jobClient, job) -> {
          workers.add(job.getWorker());
          jobClient.newCompleteCommand(job).variables(Map.of("sorted", true)).send().join();
        })
        .name("streamer").streamEnabled(true).pollInterval(NO_POLLING).open()) {
      await("the worker's stream to be registered", () -> streams.openStreams(jobType) == 1);

      ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
          .withResult().requestTimeout(Duration.ofSeconds(5)).send().join();

      assertThat(result.getVariablesAsMap()).containsEntry("sorted", true);
      assertThat(workers).containsExactly("streamer");
    }
  }

  @Test
  void shouldPushJobsThatWaitedBeforeTheStreamOpened() {
    String processId = unique("stream-late");
    String jobType = unique("stream-late");
    deploy(oneTask(processId, jobType), processId);
    ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .send().join();

    try (JobWorker worker = client.newWorker().jobType(jobType)
        .handler((jobClient, job) -> jobClient.newCompleteCommand(job).send().join())
        .streamEnabled(true).pollInterval(NO_POLLING).open()) {
      await("the waiting job to be pushed and completed", () -> client.newProcessInstanceGetRequest(
          instance.getProcessInstanceKey()).send().join().getState() == ProcessInstanceState.COMPLETED);
    }
  }

  @Test
  void shouldStopPushingToAClosedStream() {
    String processId = unique("stream-closed");
    String jobType = unique("stream-closed");
    deploy(oneTask(processId, jobType), processId);
    List<Long> seenByClosedWorker = new CopyOnWriteArrayList<>();
    JobWorker closed = client.newWorker().jobType(jobType)
        .handler((jobClient, job) -> seenByClosedWorker.add(job.getKey()))
        .streamEnabled(true).pollInterval(NO_POLLING).open();
    await("the stream to be registered", () -> streams.openStreams(jobType) == 1);

    closed.close();
    await("the closed stream to be dropped", () -> streams.openStreams(jobType) == 0);
    ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .send().join();
    ActivateJobsResponse polled = client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(1)
        .requestTimeout(Duration.ofSeconds(5)).send().join();

    assertThat(polled.getJobs()).singleElement()
        .satisfies(job -> assertThat(job.getProcessInstanceKey()).isEqualTo(instance.getProcessInstanceKey()));
    assertThat(seenByClosedWorker).isEmpty();
  }

  @Test
  void shouldGiveBackAJobPushedToAStreamThatIsGone() {
    String processId = unique("stream-gone");
    String jobType = unique("stream-gone");
    deploy(oneTask(processId, jobType), processId);
    GoneStreamObserver gone = new GoneStreamObserver();
    // Open as gRPC sees it, but the client vanished: the write fails, as onNext does on a cancelled call.
    streams.open(new JobStream(messages.activation(jobType, "ghost", Duration.ofMinutes(1).toMillis(), 1, List.of()),
        gone));

    ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .send().join();
    await("a push to the vanished stream", () -> !gone.attempted.isEmpty());
    // Without the give-back the job would stay locked for the ghost's one-minute timeout.
    ActivateJobsResponse polled = client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(1)
        .workerName("survivor").requestTimeout(Duration.ofSeconds(5)).send().join();

    assertThat(polled.getJobs()).singleElement().satisfies(job -> {
      assertThat(job.getKey()).isEqualTo(gone.attempted.getFirst().getKey());
      assertThat(job.getProcessInstanceKey()).isEqualTo(instance.getProcessInstanceKey());
      assertThat(job.getRetries()).isEqualTo(3);
      assertThat(job.getWorker()).isEqualTo("survivor");
    });
    assertThat(streams.openStreams(jobType)).isZero();
  }

  @Test
  void shouldRaiseAnIncidentForAJobFailedWithoutRetriesAndRetryItOnceResolved() {
    String processId = unique("incident");
    String jobType = unique("incident");
    deploy(oneTask(processId, jobType), processId);
    ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .send().join();
    ActivatedJob job = activateOne(jobType);

    client.newFailCommand(job).retries(0).errorMessage("Dock 4 scanner offline").send().join();
    Incident incident = client.newIncidentSearchRequest()
        .filter(filter -> filter.processInstanceKey(instance.getProcessInstanceKey())).send().join().items().getFirst();
    client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    ActivatedJob retried = activateOne(jobType);
    client.newCompleteCommand(retried).send().join();

    assertThat(incident.getErrorMessage()).isEqualTo("Dock 4 scanner offline");
    assertThat(incident.getState()).isEqualTo(IncidentState.ACTIVE);
    assertThat(retried.getKey()).isEqualTo(job.getKey());
    assertThat(retried.getRetries()).isEqualTo(1);
    assertThat(client.newProcessInstanceGetRequest(instance.getProcessInstanceKey()).send().join().getState())
        .isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldRetryAFailedJobAfterItsBackOff() {
    String processId = unique("retry");
    String jobType = unique("retry");
    deploy(oneTask(processId, jobType), processId);
    client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join();
    ActivatedJob job = activateOne(jobType);

    client.newFailCommand(job).retries(2).errorMessage("busy").retryBackoff(Duration.ofMillis(200)).send().join();

    assertThat(activateOne(jobType)).satisfies(retried -> {
      assertThat(retried.getKey()).isEqualTo(job.getKey());
      assertThat(retried.getRetries()).isEqualTo(2);
    });
  }

  @Test
  void shouldLetABoundaryEventCatchAThrownError() {
    String processId = unique("error");
    String jobType = unique("pick");
    String restockType = unique("restock");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("pick", task -> task.zeebeJobType(jobType))
        .boundaryEvent("no-stock", event -> event.error("NO_STOCK"))
        .serviceTask("restock", task -> task.zeebeJobType(restockType)).endEvent("restocked")
        .moveToActivity("pick").endEvent("picked")
        .done(), processId);

    try (JobWorker picker = client.newWorker().jobType(jobType)
            .handler((jobClient, job) -> jobClient.newThrowErrorCommand(job).errorCode("NO_STOCK")
                .errorMessage("bin A-12 empty").send().join()).open();
        JobWorker restocker = client.newWorker().jobType(restockType)
            .handler((jobClient, job) -> jobClient.newCompleteCommand(job).variables(Map.of("path", "restocked"))
                .send().join()).open()) {
      ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
          .withResult().send().join();

      assertThat(result.getVariablesAsMap()).containsEntry("path", "restocked");
    }
  }

  @Test
  void shouldExtendAJobsTimeout() {
    String processId = unique("timeout");
    String jobType = unique("timeout");
    deploy(oneTask(processId, jobType), processId);
    client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join();
    ActivatedJob job = client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(1)
        .timeout(Duration.ofMillis(300)).requestTimeout(Duration.ofSeconds(5)).send().join().getJobs().getFirst();

    client.newUpdateTimeoutCommand(job).timeout(Duration.ofMinutes(5)).send().join();

    assertThat(client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(1)
        .requestTimeout(Duration.ofSeconds(1)).send().join().getJobs())
        .as("a job whose timeout was extended is not activatable again after its first timeout").isEmpty();
  }

  @Test
  void shouldAnswerNotFoundAndFailedPreconditionAboutJobs() {
    String processId = unique("twice");
    String jobType = unique("twice");
    deploy(oneTask(processId, jobType), processId);
    client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join();
    ActivatedJob job = activateOne(jobType);
    client.newCompleteCommand(job).send().join();

    ClientStatusException twice = statusFrom(() -> client.newCompleteCommand(job).send().join());
    ClientStatusException unknown = statusFrom(() -> client.newCompleteCommand(Long.MAX_VALUE - 1).send().join());

    assertThat(twice.getStatusCode()).isEqualTo(Code.FAILED_PRECONDITION);
    assertThat(twice.getMessage()).startsWith("Expected to complete job " + job.getKey());
    assertThat(unknown.getStatusCode()).isEqualTo(Code.NOT_FOUND);
    assertThat(unknown.getMessage()).contains(Long.toString(Long.MAX_VALUE - 1));
  }

  @Test
  void shouldRefuseAnActivationWithoutAJobType() {
    ClientStatusException status = statusFrom(() -> client.newActivateJobsCommand().jobType(" ").maxJobsToActivate(1)
        .send().join());

    assertThat(status.getStatusCode()).isEqualTo(Code.INVALID_ARGUMENT);
    assertThat(status.getMessage()).isEqualTo("Expected a job type, but it was empty");
  }

  private ActivatedJob activateOne(String jobType) {
    List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(1)
        .requestTimeout(Duration.ofSeconds(5)).send().join().getJobs();
    assertThat(jobs).as("a job of type %s to activate", jobType).hasSize(1);
    return jobs.getFirst();
  }
}
