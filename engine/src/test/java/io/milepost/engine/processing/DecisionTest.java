package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.milepost.engine.api.DecisionDefinitionFilter;
import io.milepost.engine.api.DecisionEvaluation;
import io.milepost.engine.api.DecisionInstanceFilter;
import io.milepost.engine.api.DecisionInstanceView;
import io.milepost.engine.api.DecisionRequirementsFilter;
import io.milepost.engine.api.Deployment;
import io.milepost.engine.api.DeploymentRejectedException;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.EvaluateDecision;
import io.milepost.engine.api.EvaluatedDecision;
import io.milepost.engine.api.IncidentFilter;
import io.milepost.engine.api.IncidentView;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessDefinitionFilter;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.testing.EngineHarness;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Business rule tasks that call DMN decisions, DMN deployment and the decision instances evaluations leave. */
class DecisionTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();

  private static final BpmnModelInstance SHIPPING = Bpmn.createExecutableProcess("ship").startEvent()
      .businessRuleTask("choose-tier", t -> t.zeebeCalledDecisionId("shipping-tier").zeebeResultVariable("tier"))
      .endEvent().done();

  @Test
  void shouldEvaluateTheCalledDecisionInTheActivatingCommandAndKeepTheDecisionInstance() {
    // given a process and the decision it calls, in one deployment
    Deployment deployment = deploy(bpmn("ship.bpmn", SHIPPING), dmn("shipping-tier.dmn"));

    // when
    long instance = harness.start("ship", Map.of("weightKg", 32, "hazmat", false));

    // then the task decided and the instance went on, with no job or worker
    assertThat(harness.variables(instance)).containsEntry("tier", "NON_SORTABLE");
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).containsSubsequence("choose-tier", "ship");
    assertThat(harness.events(instance)).anySatisfy(e -> {
      assertThat(e.valueType()).isEqualTo("DECISION_EVALUATION");
      assertThat(e.intent()).isEqualTo("EVALUATED");
      assertThat(e.elementId()).isEqualTo("choose-tier");
    });
    // and the deployment listed the decision and its graph
    assertThat(deployment.decisions()).singleElement().satisfies(d -> {
      assertThat(d.decisionId()).isEqualTo("shipping-tier");
      assertThat(d.version()).isEqualTo(1);
      assertThat(d.decisionRequirementsId()).isEqualTo("shipping-tier-drg");
    });
    assertThat(deployment.decisionRequirements()).singleElement()
        .satisfies(g -> assertThat(g.resourceName()).isEqualTo("shipping-tier.dmn"));
    // and the evaluation is on record: inputs, the rule that matched, its output, version, instance and element
    DecisionInstanceView kept = decisionInstances(instance).getFirst();
    assertThat(kept.state()).isEqualTo("EVALUATED");
    assertThat(kept.decisionId()).isEqualTo("shipping-tier");
    assertThat(kept.decisionVersion()).isEqualTo(1);
    assertThat(kept.decisionType()).isEqualTo("DECISION_TABLE");
    assertThat(kept.result()).isEqualTo("NON_SORTABLE");
    assertThat(kept.elementId()).isEqualTo("choose-tier");
    assertThat(kept.processInstanceKey()).isEqualTo(instance);
    assertThat(kept.inputs()).extracting(EvaluatedDecision.EvaluatedInput::inputName, EvaluatedDecision.EvaluatedInput::inputValue)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Weight (kg)", 32), org.assertj.core.groups.Tuple.tuple("Hazmat", false));
    assertThat(kept.matchedRules()).singleElement().satisfies(rule -> {
      assertThat(rule.ruleId()).isEqualTo("bulky-rule");
      assertThat(rule.ruleIndex()).isEqualTo(3);
      assertThat(rule.outputs()).singleElement().satisfies(o -> {
        assertThat(o.outputName()).isEqualTo("tier");
        assertThat(o.outputValue()).isEqualTo("NON_SORTABLE");
      });
    });
  }

  @Test
  void shouldRefuseAnInvalidDmnNamingEveryProblemAndKeepNothingOfTheDeployment() {
    assertThatThrownBy(() -> deploy(bpmn("ship.bpmn", SHIPPING), dmn("shipping-tier.dmn"), dmn("broken.dmn")))
        .isInstanceOfSatisfying(DeploymentRejectedException.class, e -> {
          assertThat(e.problems()).allSatisfy(p -> assertThat(p.resourceName()).isEqualTo("broken.dmn"));
          assertThat(e.getMessage()).contains("'weightKg +'").contains("'>> 3'").contains("'\"x'");
        });

    assertThat(harness.engine().queries().searchProcessDefinitions(ProcessDefinitionFilter.all(), PageRequest.defaults())
        .items()).isEmpty();
    assertThat(harness.engine().decisionQueries().searchDecisionDefinitions(DecisionDefinitionFilter.all(),
        PageRequest.defaults()).items()).isEmpty();
    assertThat(harness.engine().decisionQueries().searchDecisionRequirements(DecisionRequirementsFilter.all(),
        PageRequest.defaults()).items()).isEmpty();
  }

  @Test
  void shouldVersionDecisionsByIdSoTheNextInstanceUsesTheNewVersion() {
    deploy(bpmn("ship.bpmn", SHIPPING), dmn("shipping-tier.dmn"));
    long before = harness.start("ship", Map.of("weightKg", 15, "hazmat", false));

    // when the threshold moves from 20 kg to 10 kg and the table is deployed again
    String changed = text("shipping-tier.dmn").replace("&lt; 20", "&lt; 10").replace("&gt;= 20", "&gt;= 10");
    Deployment second = deploy(new DeploymentResource("shipping-tier.dmn", changed.getBytes(StandardCharsets.UTF_8)));
    long after = harness.start("ship", Map.of("weightKg", 15, "hazmat", false));

    // then
    assertThat(second.decisions()).singleElement().satisfies(d -> assertThat(d.version()).isEqualTo(2));
    assertThat(second.decisionRequirements()).singleElement().satisfies(g -> assertThat(g.version()).isEqualTo(2));
    assertThat(harness.variables(before)).containsEntry("tier", "SORTABLE");
    assertThat(harness.variables(after)).containsEntry("tier", "NON_SORTABLE");
    assertThat(decisionInstances(before).getFirst().decisionVersion()).isEqualTo(1);
    assertThat(decisionInstances(after).getFirst().decisionVersion()).isEqualTo(2);
    // and deploying the same table again makes no new version
    assertThat(deploy(new DeploymentResource("shipping-tier.dmn", changed.getBytes(StandardCharsets.UTF_8)))
        .decisions().getFirst().version()).isEqualTo(2);
  }

  @Test
  void shouldRaiseAnIncidentForADecisionNotDeployedAndEvaluateWhenResolved() {
    deploy(bpmn("ship.bpmn", SHIPPING));
    long instance = harness.start("ship", Map.of("weightKg", 3, "hazmat", false));
    IncidentView incident = incident(instance);
    assertThat(incident.errorType()).isEqualTo("CALLED_DECISION_ERROR");
    assertThat(incident.elementId()).isEqualTo("choose-tier");
    assertThat(incident.errorMessage()).contains("'shipping-tier'").contains("no decision with this id is deployed");

    deploy(dmn("shipping-tier.dmn"));
    harness.engine().resolveIncident(incident.key());

    assertThat(harness.variables(instance)).containsEntry("tier", "SORTABLE");
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldRaiseAnIncidentWithTheEngineMessageWhenEvaluationFailsAndKeepTheFailedInstance() {
    deploy(bpmn("ship.bpmn", SHIPPING), dmn("shipping-tier.dmn"));
    // a hazmat parcel of 20 kg or more matches two rules of a UNIQUE table (a mistake in the table)
    long instance = harness.start("ship", Map.of("weightKg", 25, "hazmat", true));

    IncidentView incident = incident(instance);
    assertThat(incident.errorType()).isEqualTo("DECISION_EVALUATION_ERROR");
    assertThat(incident.errorMessage()).contains("shipping-tier").containsIgnoringCase("unique");
    assertThat(decisionInstances(instance)).singleElement().satisfies(d -> {
      assertThat(d.state()).isEqualTo("FAILED");
      assertThat(d.evaluationFailure()).containsIgnoringCase("unique");
    });

    harness.engine().setVariables(instance, Map.of("hazmat", false), false);
    harness.engine().resolveIncident(incident.key());

    assertThat(harness.variables(instance)).containsEntry("tier", "NON_SORTABLE");
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldEvaluateTheRequiredDecisionsOfTheGraphAndKeepOneInstanceEach() {
    deploy(bpmn("late.bpmn", Bpmn.createExecutableProcess("late").startEvent()
        .businessRuleTask("check-late", t -> t.zeebeCalledDecisionId("isLate").zeebeResultVariable("late"))
        .endEvent().done()), dmn("late-order.dmn"));

    long instance = harness.start("late", Map.of("service", "express", "hoursSinceOrder", 30));

    assertThat(harness.variables(instance)).containsEntry("late", true);
    List<DecisionInstanceView> kept = decisionInstances(instance);
    assertThat(kept).extracting(DecisionInstanceView::decisionId).containsExactly("promiseHours", "isLate");
    assertThat(kept).extracting(DecisionInstanceView::decisionType).containsExactly("DECISION_TABLE", "LITERAL_EXPRESSION");
    assertThat(kept).extracting(DecisionInstanceView::result).containsExactly(24, true);
    assertThat(kept).allSatisfy(d -> assertThat(d.rootDecisionDefinitionKey()).isEqualTo(kept.get(1).decisionDefinitionKey()));
  }

  @Test
  void shouldAggregateACollectTable() {
    deploy(dmn("item-count.dmn"));

    DecisionEvaluation evaluation = harness.engine().evaluateDecision(
        new EvaluateDecision(null, "handling-minutes", Map.of("category", "fragile")));

    assertThat(evaluation.failed()).isFalse();
    assertThat(evaluation.output()).isEqualTo(5L);
    assertThat(evaluation.evaluatedDecisions()).singleElement()
        .satisfies(d -> assertThat(d.matchedRules()).extracting(EvaluatedDecision.MatchedRule::ruleId)
            .containsExactly("base", "fragile"));
    // evaluated through the API: kept, with no process instance
    DecisionInstanceView kept = harness.engine().decisionQueries().decisionInstance(evaluation.decisionInstanceId())
        .orElseThrow();
    assertThat(kept.processInstanceKey()).isNull();
    assertThat(kept.result()).isEqualTo(5);
  }

  @Test
  void shouldBindToTheDecisionOfTheProcessDeploymentOrOfAVersionTag() {
    BpmnModelInstance bound = Bpmn.createExecutableProcess("bound").startEvent()
        .businessRuleTask("same-deployment", t -> t.zeebeCalledDecisionId("shipping-tier").zeebeResultVariable("byDeployment")
            .zeebeBindingType(ZeebeBindingType.deployment))
        .businessRuleTask("tagged", t -> t.zeebeCalledDecisionId("shipping-tier").zeebeResultVariable("byTag")
            .zeebeBindingType(ZeebeBindingType.versionTag).zeebeVersionTag("v1"))
        .endEvent().done();
    deploy(bpmn("bound.bpmn", bound), dmn("shipping-tier.dmn"));
    // a later version of the table, tagged v2, is the latest now
    String v2 = text("shipping-tier.dmn").replace("\"v1\"", "\"v2\"").replace("&lt; 20", "&lt; 10")
        .replace("&gt;= 20", "&gt;= 10");
    deploy(new DeploymentResource("shipping-tier.dmn", v2.getBytes(StandardCharsets.UTF_8)));

    long instance = harness.start("bound", Map.of("weightKg", 15, "hazmat", false));

    assertThat(harness.variables(instance)).containsEntry("byDeployment", "SORTABLE").containsEntry("byTag", "SORTABLE");
    assertThat(decisionInstances(instance)).extracting(DecisionInstanceView::decisionVersion).containsExactly(1, 1);
  }

  private Deployment deploy(DeploymentResource... resources) {
    return harness.engine().deploy(List.of(resources));
  }

  private static DeploymentResource bpmn(String name, BpmnModelInstance model) {
    return new DeploymentResource(name, Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
  }

  private static DeploymentResource dmn(String name) {
    return new DeploymentResource(name, text(name).getBytes(StandardCharsets.UTF_8));
  }

  private static String text(String name) {
    try (InputStream in = DecisionTest.class.getResourceAsStream("/dmn/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ProcessInstanceState state(long instance) {
    return harness.engine().queries().processInstance(instance).orElseThrow().state();
  }

  private IncidentView incident(long instance) {
    return harness.engine().queries().searchIncidents(new IncidentFilter(null, instance, null, null, null, null, null),
        PageRequest.defaults()).items().getFirst();
  }

  private List<DecisionInstanceView> decisionInstances(long instance) {
    return new ArrayList<>(harness.engine().decisionQueries().searchDecisionInstances(
        new DecisionInstanceFilter(null, null, null, null, null, null, null, instance, null), PageRequest.defaults())
        .items());
  }
}
