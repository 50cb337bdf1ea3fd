package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.api.ProcessInstanceFilter;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.api.ProcessInstanceView;
import io.milepost.engine.testing.EngineHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SignalTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();

  private ProcessInstanceState state(long instance) {
    return harness.engine().queries().processInstance(instance).orElseThrow().state();
  }

  private List<ProcessInstanceView> instancesOf(String processId) {
    return harness.engine().queries().searchProcessInstances(
        new ProcessInstanceFilter(null, processId, null, null, null, null, null), PageRequest.defaults()).items();
  }

  @Test
  void shouldStartAnInstanceOfTheLatestVersionAtItsSignalStartEvent() {
    // given two versions with a signal start event
    harness.deploy(Bpmn.createExecutableProcess("recall").startEvent("on-recall").signal("product-recall")
        .serviceTask("pull-v1", t -> t.zeebeJobType("pull-v1")).endEvent().done());
    harness.deploy(Bpmn.createExecutableProcess("recall").startEvent("on-recall").signal("product-recall")
        .serviceTask("pull", t -> t.zeebeJobType("pull")).endEvent().done());

    // when
    harness.engine().broadcastSignal("product-recall", Map.of("sku", "A-1"));

    // then one instance of version 2 started, with the signal's variables
    assertThat(instancesOf("recall")).singleElement().satisfies(view -> assertThat(view.version()).isEqualTo(2));
    assertThat(harness.activate("pull-v1", 1)).isEmpty();
    assertThat(harness.activateOne("pull").variables()).containsEntry("sku", "A-1");
  }

  @Test
  void shouldCompleteAWaitingCatchEventAndMergeTheSignalsVariables() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .intermediateCatchEvent("wait-for-cutoff").signal("cutoff-passed").endEvent().done());
    long first = harness.start("p", Map.of());
    long second = harness.start("p", Map.of());

    harness.engine().broadcastSignal("cutoff-passed", Map.of("wave", 3));

    assertThat(state(first)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(state(second)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(harness.variables(first)).containsEntry("wave", 3);
  }

  @Test
  void shouldIgnoreASignalWithAnotherName() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .intermediateCatchEvent("wait").signal("cutoff-passed").endEvent().done());
    long instance = harness.start("p", Map.of());

    harness.engine().broadcastSignal("store-closed", Map.of());

    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void shouldInterruptTheActivityAtAnInterruptingSignalBoundaryEvent() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .serviceTask("pick", t -> t.zeebeJobType("pick"))
        .boundaryEvent("recalled").signal("product-recall").endEvent("pulled")
        .moveToActivity("pick").endEvent("picked").done());
    long instance = harness.start("p", Map.of());

    harness.engine().broadcastSignal("product-recall", Map.of());

    assertThat(harness.elementEvents(instance, "ELEMENT_TERMINATED")).containsExactly("pick");
    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).contains("recalled", "pulled").doesNotContain("picked");
    assertThat(harness.activate("pick", 1)).isEmpty();
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldKeepTheActivityAtANonInterruptingSignalBoundaryEventAndCatchEveryBroadcast() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .serviceTask("pick", t -> t.zeebeJobType("pick"))
        .boundaryEvent("priority-changed").cancelActivity(false).signal("priority-changed").endEvent("noted")
        .moveToActivity("pick").endEvent("picked").done());
    long instance = harness.start("p", Map.of());

    harness.engine().broadcastSignal("priority-changed", Map.of());
    harness.engine().broadcastSignal("priority-changed", Map.of());
    harness.completeJob("pick", Map.of());
    harness.engine().broadcastSignal("priority-changed", Map.of());

    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).containsSubsequence("noted", "noted", "pick", "picked")
        .filteredOn("noted"::equals).hasSize(2);
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldBroadcastFromThrowAndEndEventsWithTheThrowEventsLocalVariables() {
    // given one instance waiting for the signal, another that throws it
    harness.deploy(Bpmn.createExecutableProcess("waiter").startEvent()
        .intermediateCatchEvent("wait").signal("truck-arrived").endEvent().done());
    harness.deploy(Bpmn.createExecutableProcess("gate").startEvent()
        .intermediateThrowEvent("announce", e -> e.signal("truck-arrived").zeebeInputExpression("dock", "dockDoor"))
        .endEvent("done", e -> e.signal("gate-closed")).done());
    harness.deploy(Bpmn.createExecutableProcess("closer").startEvent().signal("gate-closed").endEvent("closed").done());
    long waiter = harness.start("waiter", Map.of());

    // when
    long gate = harness.start("gate", Map.of("dock", 7));

    // then the waiter received the signal with the throw event's input, and the end event started "closer"
    assertThat(state(waiter)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(harness.variables(waiter)).containsEntry("dockDoor", 7).doesNotContainKey("dock");
    assertThat(state(gate)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(instancesOf("closer")).singleElement()
        .satisfies(view -> assertThat(view.state()).isEqualTo(ProcessInstanceState.COMPLETED));
  }

  @Test
  void shouldLetASignalDecideAnEventBasedGateway() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent().eventBasedGateway("first")
        .intermediateCatchEvent("cancelled").signal("order-cancelled").endEvent("stopped")
        .moveToNode("first").intermediateCatchEvent("late").timerWithDuration("PT1H").endEvent("timed-out").done());
    long instance = harness.start("p", Map.of());

    harness.engine().broadcastSignal("order-cancelled", Map.of());
    harness.clock.advance(java.time.Duration.ofHours(2));
    harness.engine().processDueWork();

    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).contains("cancelled", "stopped")
        .doesNotContain("late", "timed-out");
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }
}
