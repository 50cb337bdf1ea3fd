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

/** Script, send and business-rule tasks. */
class TaskTypesTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();

  private ProcessInstanceState state(long instance) {
    return harness.engine().queries().processInstance(instance).orElseThrow().state();
  }

  @Test
  void shouldEvaluateTheScriptAndStoreItsResult() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .scriptTask("volume", t -> t.zeebeExpression("lengthCm * widthCm * heightCm").zeebeResultVariable("volumeCm3"))
        .endEvent().done());

    long instance = harness.start("p", Map.of("lengthCm", 30, "widthCm", 20, "heightCm", 10));

    assertThat(harness.variables(instance)).containsEntry("volumeCm3", 6000);
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldLetOutputMappingsDecideWhatLeavesTheScriptTask() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .scriptTask("box", t -> t.zeebeExpression("{size: \"M\", padding: true}").zeebeResultVariable("box")
            .zeebeOutputExpression("box.size", "boxSize"))
        .endEvent().done());

    long instance = harness.start("p", Map.of());

    assertThat(harness.variables(instance)).containsEntry("boxSize", "M").doesNotContainKey("box");
  }

  @Test
  void shouldRaiseAnIncidentWhenTheScriptFailsAndEvaluateAgainOnResolution() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .scriptTask("total", t -> t.zeebeExpression("assert(price, price != null) * quantity").zeebeResultVariable("total"))
        .endEvent().done());
    long instance = harness.start("p", Map.of("quantity", 2));
    var incident = harness.engine().queries().searchIncidents(
        new IncidentFilter(null, instance, null, null, null, null, null), PageRequest.defaults()).items().getFirst();
    assertThat(incident.elementId()).isEqualTo("total");
    assertThat(incident.errorType()).isEqualTo("EXTRACT_VALUE_ERROR");

    harness.engine().setVariables(instance, Map.of("price", 5), false);
    harness.engine().resolveIncident(incident.key());

    assertThat(harness.variables(instance)).containsEntry("total", 10);
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldRunSendAndBusinessRuleTasksAsJobs() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .businessRuleTask("rate", t -> t.zeebeJobType("rate"))
        .sendTask("notify", t -> t.zeebeJobType("notify"))
        .scriptTask("external-script", t -> t.zeebeJobType("script"))
        .endEvent().done());
    long instance = harness.start("p", Map.of());

    harness.completeJob("rate", Map.of("rate", 4.5));
    harness.completeJob("notify", Map.of());
    harness.completeJob("script", Map.of());

    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).containsSubsequence("rate", "notify", "external-script");
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldRunMessageThrowAndEndEventsAsJobs() {
    // given: Camunda 8 sends messages from throw events through job workers
    harness.deploy(io.camunda.zeebe.model.bpmn.Bpmn.createExecutableProcess("notify").startEvent()
        .intermediateThrowEvent("tell-carrier", e -> e.message("carrier-notice").zeebeJobType("carrier.notify"))
        .endEvent("tell-customer", e -> e.message("shipped").zeebeJobType("customer.notify")).done());
    long instance = harness.start("notify", java.util.Map.of());

    // when each worker sends its message
    harness.completeJob("carrier.notify", java.util.Map.of());
    harness.completeJob("customer.notify", java.util.Map.of("notified", true));

    // then
    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).containsSubsequence("tell-carrier", "tell-customer", "notify");
    assertThat(harness.variables(instance)).containsEntry("notified", true);
  }
}
