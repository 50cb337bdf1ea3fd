package io.milepost.host.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every refused request answers problem+json whose status a client can act on and whose detail
 * names the cause; the client surfaces it as a {@link ProblemException}.
 */
class CamundaClientBadInputTest extends CamundaApiTestSupport {

  @Test
  void shouldRefuseMalformedJsonWithBadRequest() {
    HttpResponse<String> response = rawPost("/v2/process-instances", "application/json", "{\"processDefinitionId\": ");

    assertProblem(response, 400, "JSON");
  }

  @Test
  void shouldRefuseVariablesThatAreNotAJsonObject() {
    HttpResponse<String> response = rawPost("/v2/process-instances", "application/json",
        "{\"processDefinitionId\": \"any\", \"variables\": [1, 2]}");

    assertProblem(response, 400, "Expected 'variables' to be a JSON object, but found an array");
  }

  @Test
  void shouldRefuseMalformedXmlNamingTheResource() {
    ProblemException problem = problemFrom(() -> client.newDeployResourceCommand()
        .addResourceStringUtf8("<definitions><process id='broken'", "broken.bpmn").send().join());

    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains("broken.bpmn");
  }

  @Test
  void shouldRefuseAnInvalidModelListingEveryProblemWithItsElement() {
    // a service task without a job type, and a user task... both invalid in the same model
    String processId = uniqueId("invalid");
    var model = Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("noType").endEvent().done();

    ProblemException problem = problemFrom(() -> client.newDeployResourceCommand()
        .addProcessModel(model, "invalid.bpmn").send().join());

    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains("invalid.bpmn").contains("noType");
    assertThat(problem.details().getTitle()).isEqualTo("INVALID_ARGUMENT");
  }

  @Test
  void shouldAnswerNotFoundForAnUnknownProcessIdOrKey() {
    String processId = uniqueId("unknown");

    ProblemException byId = problemFrom(() -> client.newCreateInstanceCommand().bpmnProcessId(processId)
        .latestVersion().send().join());
    ProblemException byKey = problemFrom(() -> client.newCreateInstanceCommand().processDefinitionKey(123456789L)
        .send().join());
    ProblemException getInstance = problemFrom(() -> client.newProcessInstanceGetRequest(987654321L).send().join());

    assertThat(byId.code()).isEqualTo(404);
    assertThat(byId.details().getDetail()).contains(processId);
    assertThat(byKey.code()).isEqualTo(404);
    assertThat(byKey.details().getDetail()).contains("123456789");
    assertThat(getInstance.code()).isEqualTo(404);
    assertThat(getInstance.details().getDetail()).contains("987654321");
  }

  @Test
  void shouldRefuseCompletingAJobTwice() {
    // given
    String processId = uniqueId("twice");
    String type = processId + ".pick";
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("pick", t -> t.zeebeJobType(type)).endEvent().done());
    client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join();
    ActivatedJob job = activateOne(type);
    client.newCompleteCommand(job).send().join();

    // when
    ProblemException problem = problemFrom(() -> client.newCompleteCommand(job).send().join());

    // then
    assertThat(problem.code()).isIn(404, 409);
    assertThat(problem.details().getDetail()).contains(Long.toString(job.getKey())).contains("completed");
  }

  @Test
  void shouldRefuseCompletingAJobOfACancelledInstance() {
    // given
    String processId = uniqueId("cancelled");
    String type = processId + ".pack";
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("pack", t -> t.zeebeJobType(type)).endEvent().done());
    long instanceKey = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join()
        .getProcessInstanceKey();
    ActivatedJob job = activateOne(type);
    client.newCancelInstanceCommand(instanceKey).send().join();

    // when
    ProblemException problem = problemFrom(() -> client.newCompleteCommand(job).send().join());

    // then
    assertThat(problem.code()).isIn(404, 409);
    assertThat(problem.details().getDetail()).contains(Long.toString(job.getKey())).containsIgnoringCase("cancel");
  }

  @Test
  void shouldRefuseAJsonBodyOverTheSizeLimit() {
    String padding = "x".repeat(MAX_REQUEST_BYTES + 1);

    HttpResponse<String> response = rawPost("/v2/process-instances", "application/json",
        "{\"processDefinitionId\": \"any\", \"variables\": {\"padding\": \"" + padding + "\"}}");

    assertProblem(response, 413, "at most " + MAX_REQUEST_BYTES + " bytes");
  }

  @Test
  void shouldRefuseVariablesOverTheSizeLimitSentByTheClient() {
    String padding = "x".repeat(MAX_REQUEST_BYTES + 1);

    ProblemException problem = problemFrom(() -> client.newCreateInstanceCommand().bpmnProcessId("any")
        .latestVersion().variables(Map.of("padding", padding)).send().join());

    assertThat(problem.code()).isEqualTo(413);
    assertThat(problem.details().getDetail()).contains("milepost.limits.max-request-size");
  }

  @Test
  void shouldRefuseADeploymentOverItsSizeLimit() {
    String processId = uniqueId("huge");
    String xml = Bpmn.convertToString(Bpmn.createExecutableProcess(processId).startEvent()
        .name("x".repeat(MAX_DEPLOYMENT_BYTES + 1)).endEvent().done());

    ProblemException problem = problemFrom(() -> client.newDeployResourceCommand()
        .addResourceStringUtf8(xml, "huge.bpmn").send().join());

    assertThat(problem.code()).isEqualTo(413);
    assertThat(problem.details().getDetail()).contains("milepost.limits.max-deployment-size");
  }

  @Test
  void shouldAnswerAnUnexpectedFailureWith500AndAnErrorIdButNotItsTextAndKeepServing() {
    HttpResponse<String> failure = rawPost(FailingTestEndpoint.PATH, "application/json", "{}");

    assertProblem(failure, 500, "the server log has its details under error id ");
    assertThat(failure.body()).doesNotContain("the store is on fire").doesNotContain("IllegalStateException");
    assertThat(client.newTopologyRequest().send().join().getBrokers()).hasSize(1);
  }

  @Test
  void shouldAnswerARequestThatMeetsAnExhaustedHeapWithARetryable503AndKeepServing() {
    HttpResponse<String> failure = rawPost(FailingTestEndpoint.OUT_OF_MEMORY_PATH, "application/json", "{}");

    assertProblem(failure, 503, "the host's heap ran out meanwhile (Java heap space): retry after a pause");
    assertThat(failure.body()).contains("\"title\":\"UNAVAILABLE\"").doesNotContain("error id");
    assertThat(failure.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(client.newTopologyRequest().send().join().getBrokers()).hasSize(1);
  }

  @Test
  void shouldAnswerUnknownPathsWithProblemJson() {
    HttpResponse<String> response = rawPost("/v2/no-such-endpoint", "application/json", "{}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void shouldRefuseAFilterTheServerCannotApply() {
    ProblemException problem = problemFrom(() -> client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionName("Order")).send().join());

    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains("processDefinitionName");
  }

  private ActivatedJob activateOne(String type) {
    return client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1).requestTimeout(Duration.ofSeconds(5))
        .send().join().getJobs().getFirst();
  }

  private static void assertProblem(HttpResponse<String> response, int status, String detailPart) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body())
        .contains("\"status\":" + status)
        .contains("\"title\"")
        .contains("\"type\"")
        .contains("\"instance\"")
        .contains(detailPart);
  }
}
