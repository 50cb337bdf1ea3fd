package io.milepost.host.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each role's allowed and denied calls over REST, with the official client; who did what is recorded. */
class RestPermissionsTest extends SecurityTestSupport {

  @Test
  void shouldLetAnEngineerDeployStartAndCancelButNotWorkJobsOrTasks() {
    CamundaClient engineer = rest("eng", "eng-pass");
    String processId = unique("eng");

    long deploymentKey = engineer.newDeployResourceCommand().addProcessModel(oneJob(processId, processId), "p.bpmn")
        .send().join().getKey();
    long instance = engineer.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join()
        .getProcessInstanceKey();
    ProblemException activation = problemFrom(() -> engineer.newActivateJobsCommand().jobType(processId)
        .maxJobsToActivate(1).send().join());
    engineer.newCancelInstanceCommand(instance).send().join();

    assertThat(activation.code()).isEqualTo(403);
    assertThat(activation.details().getDetail())
        .isEqualTo("Expected permission WORK_JOBS for POST /v2/jobs/activation, but user 'eng' with roles [engineer]"
            + " does not have it");
    assertThat(engineer.newProcessInstanceGetRequest(instance).send().join().getState())
        .isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(actions(deploymentKey)).contains("\"action\":\"DEPLOYED\"").contains("\"actor\":\"eng\"");
    assertThat(actions(instance)).contains("\"action\":\"CANCELLED_INSTANCE\"").contains("\"actor\":\"eng\"");
  }

  @Test
  void shouldLetAWorkerStartInstancesAndWorkJobsButNotDeployOrCancel() {
    String processId = unique("wes");
    rest("demo", "demo").newDeployResourceCommand().addProcessModel(oneJob(processId, processId), "p.bpmn").send()
        .join();
    CamundaClient worker = rest("wes", "wes-pass");

    long instance = worker.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join()
        .getProcessInstanceKey();
    // a long poll: the job may be created just after the instance is acknowledged
    List<ActivatedJob> jobs = worker.newActivateJobsCommand().jobType(processId).maxJobsToActivate(1)
        .requestTimeout(Duration.ofSeconds(10)).send().join().getJobs();
    worker.newCompleteCommand(jobs.getFirst().getKey()).send().join();
    ProblemException deploy = problemFrom(() -> worker.newDeployResourceCommand()
        .addProcessModel(oneJob(processId, processId), "p.bpmn").send().join());
    ProblemException cancel = problemFrom(() -> worker.newCancelInstanceCommand(instance).send().join());
    ProblemException search = problemFrom(() -> worker.newProcessInstanceSearchRequest().send().join());

    assertThat(jobs).hasSize(1);
    assertThat(deploy.code()).isEqualTo(403);
    assertThat(deploy.details().getDetail()).contains("Expected permission DEPLOY for POST /v2/deployments");
    assertThat(cancel.details().getDetail()).contains("Expected permission OPERATE_INSTANCE");
    assertThat(search.details().getDetail()).contains("Expected permission READ_INSTANCES");
    assertThat(rest("demo", "demo").newProcessInstanceGetRequest(instance).send().join().getState())
        .isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldLetALeaderReadInstancesSitesAndTheActionLogButNotDeploy() {
    CamundaClient leader = rest("lee", "lee-pass");

    leader.newProcessInstanceSearchRequest().send().join();
    ProblemException deploy = problemFrom(() -> leader.newDeployResourceCommand()
        .addProcessModel(oneJob("x", "x"), "p.bpmn").send().join());

    assertThat(deploy.code()).isEqualTo(403);
    assertThat(get("/api/sites", authorization("lee", "lee-pass")).statusCode()).isEqualTo(200);
    assertThat(get("/api/actions?subjectKey=1", authorization("lee", "lee-pass")).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldLetALeaderRollOutOnlyToSitesOfTheirRegions() {
    HttpResponse<String> east = postJson("/api/rollouts", authorization("lee", "lee-pass"),
        "{\"pluginId\":\"sortable-fc\",\"version\":\"1.0.0\",\"sites\":[\"fc-east-1\"],\"reason\":\"try\"}");
    HttpResponse<String> west = postJson("/api/rollouts", authorization("lee", "lee-pass"),
        "{\"pluginId\":\"sortable-fc\",\"version\":\"1.0.0\",\"sites\":[\"fc-west-1\"],\"reason\":\"try\"}");

    assertThat(east.statusCode()).as(east.body()).isEqualTo(403);
    assertThat(east.body()).contains("to be in your regions [west], but [fc-east-1] are not");
    assertThat(west.statusCode()).as(west.body()).isEqualTo(201);
    assertThat(get("/api/audit?siteId=fc-east-1", authorization("demo", "demo")).body()).doesNotContain("\"lee\"");
  }

  @Test
  void shouldLetAnEngineerButNotALeaderChangeASitesData() {
    HttpResponse<String> engineer = putCsv("/api/sites/fc-west-1/data/slotting", authorization("eng", "eng-pass"));
    HttpResponse<String> leader = putCsv("/api/sites/fc-west-1/data/slotting", authorization("lee", "lee-pass"));

    // the engineer passes the permission check and reaches the file's validation (an unknown column)
    assertThat(engineer.statusCode()).as(engineer.body()).isEqualTo(400);
    assertThat(leader.statusCode()).isEqualTo(403);
    assertThat(leader.body()).contains("Expected permission DEPLOY for PUT /api/sites/fc-west-1/data/slotting");
  }

  private HttpResponse<String> putCsv(String path, String authorization) {
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", authorization).header("Content-Type", "text/csv")
        .PUT(HttpRequest.BodyPublishers.ofString("no_such_column\nx\n")).build());
  }

  @Test
  void shouldKeepAnAssociateToUserTasks() {
    CamundaClient associate = rest("ana", "ana-pass");

    ProblemException create = problemFrom(() -> associate.newCreateInstanceCommand().bpmnProcessId("any")
        .latestVersion().send().join());
    ProblemException search = problemFrom(() -> associate.newIncidentSearchRequest().send().join());
    HttpResponse<String> sites = get("/api/sites", authorization("ana", "ana-pass"));

    assertThat(create.details().getDetail()).contains("Expected permission CREATE_INSTANCE")
        .contains("user 'ana' with roles [associate]");
    assertThat(search.code()).isEqualTo(403);
    assertThat(sites.statusCode()).isEqualTo(403);
    assertThat(sites.body()).contains("Expected permission READ_SITES for GET /api/sites");
    assertThat(associate.newUserTaskSearchRequest().send().join().items()).isNotNull();
  }

  @Test
  void shouldRefuseCallsWithoutCredentialsOrWithAWrongPassword() {
    ProblemException none = problemFrom(() -> anonymous(false).newTopologyRequest().send().join());
    ProblemException wrong = problemFrom(() -> rest("eng", "not-the-password").newTopologyRequest().send().join());

    assertThat(none.code()).isEqualTo(401);
    assertThat(none.details().getDetail()).isEqualTo("Expected valid credentials (HTTP basic, Authorization: Basic"
        + " ...), but the request had none");
    assertThat(wrong.code()).isEqualTo(401);
    assertThat(wrong.details().getDetail()).contains("they were refused: Bad credentials");
  }

  @Test
  void shouldShowAnonymousCallersTheHealthStatusOnlyAndOtherActuatorEndpointsToAdminsOnly() {
    HttpResponse<String> anonymousHealth = get("/actuator/health", null);
    HttpResponse<String> adminHealth = get("/actuator/health", authorization("demo", "demo"));
    HttpResponse<String> engineerMetrics = get("/actuator/metrics", authorization("eng", "eng-pass"));
    HttpResponse<String> adminMetrics = get("/actuator/metrics", authorization("demo", "demo"));

    assertThat(anonymousHealth.statusCode()).isEqualTo(200);
    assertThat(anonymousHealth.body()).contains("\"status\":\"UP\"").doesNotContain("components")
        .doesNotContain("details").doesNotContain("path");
    assertThat(adminHealth.body()).contains("\"components\"");
    assertThat(engineerMetrics.statusCode()).isEqualTo(403);
    assertThat(engineerMetrics.body()).contains("Expected permission ADMINISTER for GET /actuator/metrics");
    assertThat(adminMetrics.statusCode()).isEqualTo(200);
  }

  private String actions(long subjectKey) {
    HttpResponse<String> response = get("/api/actions?subjectKey=" + subjectKey, authorization("demo", "demo"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }
}
