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

class EscalationTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();

  private ProcessInstanceState state(long instance) {
    return harness.engine().queries().processInstance(instance).orElseThrow().state();
  }

  @Test
  void shouldInterruptTheSubProcessAtAnInterruptingEscalationBoundaryEvent() {
    // given a packing sub-process that escalates oversized parcels
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .subProcess("packing").embeddedSubProcess().startEvent()
        .intermediateThrowEvent("oversized", e -> e.escalation("OVERSIZED"))
        .serviceTask("pack", t -> t.zeebeJobType("pack")).endEvent().subProcessDone()
        .boundaryEvent("to-bulky").escalation("OVERSIZED").serviceTask("bulky", t -> t.zeebeJobType("bulky")).endEvent()
        .moveToActivity("packing").endEvent("packed").done());

    // when
    long instance = harness.start("p", Map.of());

    // then
    assertThat(harness.elementEvents(instance, "ELEMENT_TERMINATED")).containsExactly("oversized", "packing");
    assertThat(harness.activate("pack", 1)).isEmpty();
    harness.completeJob("bulky", Map.of());
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).doesNotContain("packed");
  }

  @Test
  void shouldContinueBothPathsAtANonInterruptingCatchAllEscalationBoundaryEvent() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .subProcess("packing").embeddedSubProcess().startEvent()
        .intermediateThrowEvent("slow", e -> e.escalation("SLOW"))
        .serviceTask("pack", t -> t.zeebeJobType("pack")).endEvent().subProcessDone()
        .boundaryEvent("notify", b -> b.cancelActivity(false).escalation()).endEvent("notified")
        .moveToActivity("packing").endEvent("packed").done());

    long instance = harness.start("p", Map.of());
    harness.completeJob("pack", Map.of());

    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).contains("slow", "notified", "pack", "packed");
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldContinueWithoutIncidentWhenNobodyCatchesTheEscalation() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .intermediateThrowEvent("shout", e -> e.escalation("NOBODY_LISTENS")).serviceTask("next", t -> t.zeebeJobType("next"))
        .endEvent("end", e -> e.escalation("STILL_NOBODY")).done());

    long instance = harness.start("p", Map.of());
    harness.completeJob("next", Map.of());

    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(harness.engine().queries().searchIncidents(
        new IncidentFilter(null, instance, null, null, null, null, null), PageRequest.defaults()).items()).isEmpty();
  }

  @Test
  void shouldStartAnEscalationEventSubProcessForAnEscalationEndEventAndLetTheScopeFinish() {
    // given a non-interrupting escalation event sub-process in the process
    harness.deploy(Bpmn.createExecutableProcess("p")
        .eventSubProcess("on-delay", e -> e.startEvent("delay-noted").interrupting(false).escalation("DELAYED")
            .serviceTask("inform", t -> t.zeebeJobType("inform")).endEvent())
        .startEvent().parallelGateway("split")
        .endEvent("report-delay", e -> e.escalation("DELAYED"))
        .moveToNode("split").serviceTask("ship", t -> t.zeebeJobType("ship")).endEvent("shipped").done());

    long instance = harness.start("p", Map.of());
    harness.completeJob("ship", Map.of());
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE); // the event sub-process still runs
    harness.completeJob("inform", Map.of());

    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).contains("report-delay", "on-delay", "shipped");
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }
}
