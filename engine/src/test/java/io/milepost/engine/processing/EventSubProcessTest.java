package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.api.PublishMessage;
import io.milepost.engine.api.ThrowError;
import io.milepost.engine.testing.EngineHarness;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EventSubProcessTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();

  private ProcessInstanceState state(long instance) {
    return harness.engine().queries().processInstance(instance).orElseThrow().state();
  }

  @Test
  void shouldCatchAJobsErrorInAnErrorEventSubProcessAndEndTheScope() {
    // given an error event sub-process in the process
    harness.deploy(Bpmn.createExecutableProcess("p")
        .eventSubProcess("on-no-stock", e -> e.startEvent("no-stock").error("OUT_OF_STOCK")
            .serviceTask("backorder", t -> t.zeebeJobType("backorder")).endEvent("backordered"))
        .startEvent().parallelGateway("split")
        .serviceTask("allocate", t -> t.zeebeJobType("allocate")).endEvent()
        .moveToNode("split").serviceTask("label", t -> t.zeebeJobType("label")).endEvent().done());
    long instance = harness.start("p", Map.of());

    // when the allocation fails with a BPMN error
    ActivatedJob job = harness.activateOne("allocate");
    harness.engine().throwError(new ThrowError(job.key(), "OUT_OF_STOCK", "none left", Map.of("sku", "A-1")));

    // then every other element of the scope ends and the event sub-process runs with the error's variables
    assertThat(harness.elementEvents(instance, "ELEMENT_TERMINATED")).containsExactlyInAnyOrder("allocate", "label");
    assertThat(harness.activate("label", 1)).isEmpty();
    assertThat(harness.activateOne("backorder").variables()).containsEntry("sku", "A-1");
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void shouldPreferTheInnerScopesErrorEventSubProcessOverTheSubProcessBoundary() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .subProcess("fulfil").embeddedSubProcess()
        .eventSubProcess("inner", e -> e.startEvent("inner-start").error().endEvent("handled-inside"))
        .startEvent().serviceTask("pick", t -> t.zeebeJobType("pick")).endEvent().subProcessDone()
        .boundaryEvent("outer").error().endEvent("handled-outside")
        .moveToActivity("fulfil").endEvent("done").done());
    long instance = harness.start("p", Map.of());

    harness.engine().throwError(new ThrowError(harness.activateOne("pick").key(), "ANY", null, Map.of()));

    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).contains("handled-inside", "fulfil", "done")
        .doesNotContain("handled-outside");
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldInterruptTheScopeWhenAnInterruptingTimerStartFires() {
    harness.deploy(Bpmn.createExecutableProcess("p")
        .eventSubProcess("sla", e -> e.startEvent("sla-breached").timerWithDuration("PT2H").endEvent("escalated"))
        .startEvent().serviceTask("pick", t -> t.zeebeJobType("pick")).endEvent("picked").done());
    long instance = harness.start("p", Map.of());

    harness.clock.advance(Duration.ofHours(3));
    harness.engine().processDueWork();

    assertThat(harness.elementEvents(instance, "ELEMENT_TERMINATED")).containsExactly("pick");
    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).contains("escalated", "sla").doesNotContain("picked");
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldRunANonInterruptingCycleBesideTheScopeAndStopWithIt() {
    harness.deploy(Bpmn.createExecutableProcess("p")
        .eventSubProcess("reminders", e -> e.startEvent("remind").interrupting(false).timerWithCycle("R/PT1H")
            .endEvent("reminded"))
        .startEvent().serviceTask("pick", t -> t.zeebeJobType("pick")).endEvent("picked").done());
    long instance = harness.start("p", Map.of());

    for (int hour = 0; hour < 2; hour++) {
      harness.clock.advance(Duration.ofMinutes(61));
      harness.engine().processDueWork();
    }
    harness.completeJob("pick", Map.of());
    harness.clock.advance(Duration.ofHours(5));
    harness.engine().processDueWork();

    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).filteredOn("reminded"::equals).hasSize(2);
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldStartASignalEventSubProcessOnlyWhileItsSubProcessIsActive() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .subProcess("picking").embeddedSubProcess()
        .eventSubProcess("on-recall", e -> e.startEvent("recall").signal("recall").endEvent("pulled"))
        .startEvent().serviceTask("pick", t -> t.zeebeJobType("pick")).endEvent().subProcessDone()
        .serviceTask("ship", t -> t.zeebeJobType("ship")).endEvent("shipped").done());
    long recalled = harness.start("p", Map.of());
    long finished = harness.start("p", Map.of());
    harness.engine().completeJob(harness.activate("pick", 2).stream()
        .filter(job -> job.processInstanceKey() == finished).findFirst().orElseThrow().key(), Map.of());

    harness.engine().broadcastSignal("recall", Map.of());

    assertThat(harness.elementEvents(recalled, "ELEMENT_COMPLETED")).contains("pulled", "picking");
    assertThat(harness.elementEvents(recalled, "ELEMENT_TERMINATED")).containsExactly("pick");
    assertThat(harness.elementEvents(finished, "ELEMENT_ACTIVATED")).doesNotContain("on-recall");
  }

  @Test
  void shouldStartAMessageEventSubProcessWithTheMessagesVariables() {
    harness.deploy(Bpmn.createExecutableProcess("p")
        .eventSubProcess("on-address-change", e -> e.startEvent("address-changed").interrupting(false)
            .message(m -> m.name("address-changed").zeebeCorrelationKeyExpression("orderId"))
            .endEvent("noted"))
        .startEvent().serviceTask("ship", t -> t.zeebeJobType("ship")).endEvent().done());
    long instance = harness.start("p", Map.of("orderId", "o-1"));

    harness.engine().publishMessage(new PublishMessage("address-changed", "o-1", Duration.ZERO, null,
        Map.of("address", "Elm St 5")));

    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).contains("noted", "on-address-change");
    assertThat(harness.variables(instance)).containsEntry("address", "Elm St 5");
    assertThat(harness.activate("ship", 1)).hasSize(1);
  }
}
