package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.api.IncidentFilter;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.testing.EngineHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GatewayTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();

  private void deployExclusive() {
    harness.deploy(Bpmn.createExecutableProcess("route").startEvent()
        .exclusiveGateway("is-bulky")
        .sequenceFlowId("to-bulky").conditionExpression("=weightKg > 20").serviceTask("bulky", t -> t.zeebeJobType("bulky"))
        .endEvent("bulky-end")
        .moveToLastExclusiveGateway()
        .sequenceFlowId("to-small").defaultFlow().serviceTask("small", t -> t.zeebeJobType("small")).endEvent("small-end")
        .done());
  }

  @Test
  void shouldTakeTheFlowWhoseConditionIsTrue() {
    deployExclusive();
    long instance = harness.start("route", Map.of("weightKg", 31));

    harness.completeJob("bulky", Map.of());

    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).contains("bulky").doesNotContain("small");
    assertThat(harness.elementEvents(instance, "SEQUENCE_FLOW_TAKEN")).contains("to-bulky").doesNotContain("to-small");
  }

  @Test
  void shouldTakeTheDefaultFlowWhenNoConditionIsTrue() {
    deployExclusive();
    long instance = harness.start("route", Map.of("weightKg", 3));

    harness.completeJob("small", Map.of());

    assertThat(harness.elementEvents(instance, "SEQUENCE_FLOW_TAKEN")).contains("to-small").doesNotContain("to-bulky");
    assertThat(harness.engine().queries().processInstance(instance).orElseThrow().state()).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldRaiseAnIncidentWhenAConditionCannotBeEvaluatedAndRetryAfterResolution() {
    // given a condition over a variable the instance does not have
    deployExclusive();
    long instance = harness.start("route", Map.of());

    // then
    var incident = harness.engine().queries().searchIncidents(
        new IncidentFilter(null, instance, null, null, null, null, null), PageRequest.defaults()).items().getFirst();
    assertThat(incident.elementId()).isEqualTo("is-bulky");
    assertThat(incident.errorType()).isEqualTo("CONDITION_ERROR");
    assertThat(incident.errorMessage()).contains("weightKg > 20");

    // when the variable is set and the incident resolved, the gateway decides again
    harness.engine().setVariables(instance, Map.of("weightKg", 40), false);
    harness.engine().resolveIncident(incident.key());
    harness.completeJob("bulky", Map.of());
    assertThat(harness.engine().queries().processInstance(instance).orElseThrow().state()).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldForkAndJoinOnceEveryBranchArrived() {
    // given
    harness.deploy(Bpmn.createExecutableProcess("fork").startEvent()
        .parallelGateway("split")
        .serviceTask("pick", t -> t.zeebeJobType("pick")).parallelGateway("join")
        .moveToNode("split").serviceTask("label", t -> t.zeebeJobType("label")).connectTo("join")
        .moveToNode("join").endEvent("end").done());
    long instance = harness.start("fork", Map.of());

    // when only one branch finished, the join waits
    harness.completeJob("pick", Map.of("picked", true));
    assertThat(harness.elementEvents(instance, "ELEMENT_ACTIVATING")).doesNotContain("join");

    // when the other branch finishes, the join fires once and the instance completes
    harness.completeJob("label", Map.of("labelled", true));
    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).containsOnlyOnce("join").endsWith("end", "fork");
    assertThat(harness.variables(instance)).containsEntry("picked", true).containsEntry("labelled", true);
  }
}
