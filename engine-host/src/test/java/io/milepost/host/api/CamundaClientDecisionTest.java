package io.milepost.host.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.EvaluatedDecisionInput;
import io.camunda.client.api.response.MatchedDecisionRule;
import io.camunda.client.api.search.response.DecisionInstanceState;
import io.camunda.client.api.search.response.DecisionDefinition;
import io.camunda.client.api.search.response.DecisionInstance;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DMN through the official Camunda 8 Java client (REST): deploy, business rule tasks, the decision API. */
class CamundaClientDecisionTest extends CamundaApiTestSupport {

  private CamundaClient demo;

  @BeforeEach
  void openAuthenticatedClient() {
    demo = CamundaClient.newClientBuilder()
        .restAddress(URI.create("http://localhost:" + port))
        .preferRestOverGrpc(true)
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
            .username("demo").password("demo").build())
        .build();
  }

  @AfterEach
  void closeAuthenticatedClient() {
    demo.close();
  }

  @Test
  void shouldDeployAProcessWithItsDecisionTableAndDecideInTheBusinessRuleTask() {
    // given a process and the table it calls, deployed together
    String processId = uniqueId("ship");
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent()
        .businessRuleTask("choose-tier", t -> t.zeebeCalledDecisionId("shipping-tier").zeebeResultVariable("tier"))
        .endEvent().done();
    DeploymentEvent deployment = demo.newDeployResourceCommand()
        .addProcessModel(model, processId + ".bpmn")
        .addResourceBytes(resource("shipping-tier.dmn"), "shipping-tier.dmn")
        .send().join();

    // when
    var result = demo.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("weightKg", 32, "hazmat", false)).withResult().send().join();

    // then
    assertThat(deployment.getDecisions()).singleElement().satisfies(d -> {
      assertThat(d.getDmnDecisionId()).isEqualTo("shipping-tier");
      assertThat(d.getDmnDecisionRequirementsId()).isEqualTo("shipping-tier-drg");
      assertThat(d.getVersion()).isPositive();
    });
    assertThat(deployment.getDecisionRequirements()).singleElement()
        .satisfies(g -> assertThat(g.getResourceName()).isEqualTo("shipping-tier.dmn"));
    assertThat(result.getVariablesAsMap()).containsEntry("tier", "NON_SORTABLE");
    // and the decision instance says what was decided, by which version, for which instance and element
    List<DecisionInstance> kept = demo.newDecisionInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(result.getProcessInstanceKey())).send().join().items();
    assertThat(kept).singleElement().satisfies(d -> {
      assertThat(d.getState()).isEqualTo(DecisionInstanceState.EVALUATED);
      assertThat(d.getDecisionDefinitionId()).isEqualTo("shipping-tier");
      assertThat(d.getDecisionDefinitionKey()).isEqualTo(deployment.getDecisions().getFirst().getDecisionKey());
      assertThat(d.getResult()).isEqualTo("\"NON_SORTABLE\"");
      assertThat(d.getElementInstanceKey()).isNotNull();
    });
    DecisionInstance full = demo.newDecisionInstanceGetRequest(kept.getFirst().getDecisionInstanceId()).send().join();
    assertThat(full.getEvaluatedInputs()).extracting(EvaluatedDecisionInput::getInputName, EvaluatedDecisionInput::getInputValue)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Weight (kg)", "32"),
            org.assertj.core.groups.Tuple.tuple("Hazmat", "false"));
    assertThat(full.getMatchedRules()).extracting(MatchedDecisionRule::getRuleId).containsExactly("bulky-rule");
  }

  @Test
  void shouldEvaluateADecisionWithoutAProcessAndListEveryDecisionOfTheGraph() {
    demo.newDeployResourceCommand().addResourceBytes(resource("late-order.dmn"), "late-order.dmn").send().join();

    EvaluateDecisionResponse response = demo.newEvaluateDecisionCommand().decisionId("isLate")
        .variables(Map.of("service", "express", "hoursSinceOrder", 30)).send().join();

    assertThat(response.getFailureMessage()).isNullOrEmpty();
    assertThat(response.getDecisionOutput()).isEqualTo("true");
    assertThat(response.getDecisionId()).isEqualTo("isLate");
    assertThat(response.getEvaluatedDecisions()).extracting(e -> e.getDecisionId() + "=" + e.getDecisionOutput())
        .containsExactly("promiseHours=24", "isLate=true");
    assertThat(response.getEvaluatedDecisions().getFirst().getMatchedRules())
        .extracting(MatchedDecisionRule::getRuleId).containsExactly("express-rule");
    // the evaluation is kept, without a process instance
    DecisionInstance kept = demo.newDecisionInstanceGetRequest(
        response.getEvaluatedDecisions().getLast().getDecisionEvaluationInstanceKey()).send().join();
    assertThat(kept.getDecisionDefinitionId()).isEqualTo("isLate");
    assertThat(kept.getProcessInstanceKey()).isEqualTo(-1L);
  }

  @Test
  void shouldSearchAndFetchDecisionDefinitionsAndTheirGraphs() {
    DeploymentEvent deployment = demo.newDeployResourceCommand()
        .addResourceBytes(resource("late-order.dmn"), "late-order.dmn").send().join();
    long graphKey = deployment.getDecisionRequirements().getFirst().getDecisionRequirementsKey();

    List<DecisionDefinition> latest = demo.newDecisionDefinitionSearchRequest()
        .filter(f -> f.decisionRequirementsKey(graphKey)).send().join().items();
    assertThat(latest).extracting(DecisionDefinition::getDmnDecisionId).containsExactlyInAnyOrder("promiseHours", "isLate");
    DecisionDefinition isLate = latest.stream().filter(d -> d.getDmnDecisionId().equals("isLate")).findFirst().orElseThrow();
    assertThat(isLate.getDecisionRequirementsName()).isEqualTo("Late order");

    assertThat(demo.newDecisionDefinitionGetRequest(isLate.getDecisionKey()).send().join().getDmnDecisionName())
        .isEqualTo("isLate");
    assertThat(demo.newDecisionDefinitionGetXmlRequest(isLate.getDecisionKey()).send().join())
        .contains("<decision id=\"isLate\"");
    assertThat(demo.newDecisionRequirementsSearchRequest().filter(f -> f.decisionRequirementsKey(graphKey))
        .send().join().items()).singleElement()
        .satisfies(g -> assertThat(g.getDmnDecisionRequirementsId()).isEqualTo("late-order-drg"));
    assertThat(demo.newDecisionRequirementsGetXmlRequest(graphKey).send().join()).contains("late-order-drg");
  }

  @Test
  void shouldRefuseAnUnknownDecisionWithNotFound() {
    var problem = problemFrom(() -> demo.newEvaluateDecisionCommand().decisionId("no-such-decision")
        .variables(Map.of()).send().join());

    assertThat(problem.details().getStatus()).isEqualTo(404);
    assertThat(problem.details().getDetail()).contains("no-such-decision");
  }

  /**
   * What camunda-8-benchmark deploys with its complex model: a process whose multi-instance sub-process calls a
   * second process that evaluates a decision then runs a worker, and the DMN, all in one deployment.
   */
  @Test
  void shouldAcceptAndRunABenchmarkStyleDeploymentOfProcessesWithTheirDecision() {
    String parentId = uniqueId("benchmark-complex");
    String childId = uniqueId("benchmark-subprocess");
    String jobType = uniqueId("benchmark-task");
    BpmnModelInstance parent = Bpmn.createExecutableProcess(parentId).startEvent()
        .subProcess("per-item", s -> s.multiInstance(m -> m.zeebeInputCollectionExpression("list")
            .zeebeInputElement("listItem").zeebeOutputCollection("results").zeebeOutputElementExpression("decisionResult")))
        .embeddedSubProcess().startEvent()
        .callActivity("call-child", c -> c.zeebeProcessId(childId).zeebePropagateAllChildVariables(true))
        .endEvent().subProcessDone()
        .endEvent().done();
    BpmnModelInstance child = Bpmn.createExecutableProcess(childId).startEvent()
        .businessRuleTask("decide", t -> t.zeebeCalledDecisionId("benchmark-decision").zeebeResultVariable("decisionResult"))
        .serviceTask("work", t -> t.zeebeJobType(jobType))
        .endEvent().done();

    DeploymentEvent deployment = demo.newDeployResourceCommand()
        .addProcessModel(parent, "complex_process.bpmn")
        .addProcessModel(child, "complex_subprocess.bpmn")
        .addResourceBytes(resource("character-preference.dmn"), "complex_decision.dmn")
        .send().join();
    try (JobWorker worker = demo.newWorker().jobType(jobType)
        .handler((jobs, job) -> jobs.newCompleteCommand(job).send().join()).open()) {
      var result = demo.newCreateInstanceCommand().bpmnProcessId(parentId).latestVersion()
          .variables(Map.of("list", List.of("a", "b", "c"))).withResult().requestTimeout(Duration.ofSeconds(30))
          .send().join();

      assertThat(deployment.getProcesses()).hasSize(2);
      assertThat(deployment.getDecisions()).singleElement()
          .satisfies(d -> assertThat(d.getDmnDecisionId()).isEqualTo("benchmark-decision"));
      assertThat(result.getVariablesAsMap()).containsKey("results");
      // one evaluation per list item, each kept with the called process instance that asked
      assertThat(demo.newDecisionInstanceSearchRequest().filter(f -> f.decisionDefinitionId("benchmark-decision"))
          .send().join().items()).extracting(DecisionInstance::getResult)
          .containsExactlyInAnyOrder("\"yes\"", "\"sure\"", "\"maybe\"");
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = CamundaClientDecisionTest.class.getResourceAsStream("/dmn/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
