package io.milepost.host.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same permissions over gRPC, with the official client preferring the gateway. */
class GrpcPermissionsTest extends SecurityTestSupport {

  @Test
  void shouldLetAnEngineerDeployAndStartButNotActivateJobs() {
    CamundaClient engineer = grpc("eng", "eng-pass");
    String processId = unique("grpc-eng");

    long deploymentKey = engineer.newDeployResourceCommand().addProcessModel(oneJob(processId, processId), "p.bpmn")
        .send().join().getKey();
    engineer.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join();
    ClientStatusException activation = statusFrom(() -> engineer.newActivateJobsCommand().jobType(processId)
        .maxJobsToActivate(1).send().join());

    assertThat(activation.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(activation.getStatus().getDescription()).isEqualTo("Expected permission WORK_JOBS for ActivateJobs,"
        + " but user 'eng' with roles [engineer] does not have it");
    assertThat(get("/api/actions?subjectKey=" + deploymentKey, authorization("demo", "demo")).body())
        .contains("\"actor\":\"eng\"");
  }

  @Test
  void shouldLetAWorkerCompleteJobsButNotDeploy() {
    String processId = unique("grpc-wes");
    grpc("demo", "demo").newDeployResourceCommand().addProcessModel(oneJob(processId, processId), "p.bpmn").send()
        .join();
    CamundaClient worker = grpc("wes", "wes-pass");

    long instance = worker.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join()
        .getProcessInstanceKey();
    // polled until the job is there: what this test checks is the worker's permission, not activation timing
    List<ActivatedJob> jobs = List.of();
    for (long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos(); jobs.isEmpty()
        && System.nanoTime() < deadline; ) {
      jobs = worker.newActivateJobsCommand().jobType(processId).maxJobsToActivate(1)
          .requestTimeout(Duration.ofSeconds(2)).send().join().getJobs();
    }
    assertThat(jobs).as("the job of instance " + instance).isNotEmpty();
    worker.newCompleteCommand(jobs.getFirst().getKey()).send().join();
    ClientStatusException deploy = statusFrom(() -> worker.newDeployResourceCommand()
        .addProcessModel(oneJob(processId, processId), "p.bpmn").send().join());

    assertThat(deploy.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(deploy.getStatus().getDescription()).contains("Expected permission DEPLOY for DeployResource");
    assertThat(rest("demo", "demo").newProcessInstanceGetRequest(instance).send().join().getState())
        .isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldRefuseAnAssociateEveryGatewayCommandButTheTopology() {
    CamundaClient associate = grpc("ana", "ana-pass");

    associate.newTopologyRequest().send().join();
    ClientStatusException create = statusFrom(() -> associate.newCreateInstanceCommand().bpmnProcessId("any")
        .latestVersion().send().join());

    assertThat(create.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(create.getStatus().getDescription()).contains("Expected permission CREATE_INSTANCE");
  }

  @Test
  void shouldAnswerUnauthenticatedWithoutCredentialsOrWithAWrongPassword() {
    ClientStatusException none = statusFrom(() -> anonymous(true).newTopologyRequest().send().join());
    ClientStatusException wrong = statusFrom(() -> grpc("wes", "nope").newTopologyRequest().send().join());

    assertThat(none.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(none.getStatus().getDescription()).isEqualTo("Expected valid basic credentials in the 'authorization'"
        + " metadata of Topology, but the call had none");
    assertThat(wrong.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(wrong.getStatus().getDescription()).contains("they were refused: Bad credentials");
  }
}
