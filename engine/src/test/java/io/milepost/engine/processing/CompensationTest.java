package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.api.ThrowError;
import io.milepost.engine.testing.EngineHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CompensationTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();

  private ProcessInstanceState state(long instance) {
    return harness.engine().queries().processInstance(instance).orElseThrow().state();
  }

  @Test
  void shouldRunTheHandlersOfCompletedActivitiesNewestFirstAndWaitForThem() {
    // given reserve stock, then charge the card, each with its undo; then a compensation throw event
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .serviceTask("reserve", t -> t.zeebeJobType("reserve"))
        .boundaryEvent().compensation(c -> c.serviceTask("release").zeebeJobType("release"))
        .moveToActivity("reserve")
        .serviceTask("charge").zeebeJobType("charge")
        .boundaryEvent().compensation(c -> c.serviceTask("refund").zeebeJobType("refund"))
        .moveToActivity("charge")
        .intermediateThrowEvent("undo").compensateEventDefinition().compensateEventDefinitionDone()
        .endEvent("undone").done());
    long instance = harness.start("p", Map.of());

    // when both activities completed and the throw event is reached
    harness.completeJob("reserve", Map.of());
    harness.completeJob("charge", Map.of());

    // then both handlers run, the most recently completed activity's first, and the throw event waits
    assertThat(harness.elementEvents(instance, "ELEMENT_ACTIVATING")).containsSubsequence("undo", "refund", "release");
    harness.completeJob("refund", Map.of());
    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).doesNotContain("undo");
    harness.completeJob("release", Map.of());
    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).containsSubsequence("release", "undo", "undone");
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldPassAtOnceWhenNothingCompletedNeedsUndoing() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .exclusiveGateway("charge-needed").defaultFlow().intermediateThrowEvent("undo").compensateEventDefinition()
        .compensateEventDefinitionDone().endEvent("nothing-to-undo")
        .moveToNode("charge-needed").conditionExpression("=false")
        .serviceTask("charge").zeebeJobType("charge")
        .boundaryEvent().compensation(c -> c.serviceTask("refund").zeebeJobType("refund"))
        .moveToActivity("charge").endEvent().done());

    long instance = harness.start("p", Map.of());

    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(harness.elementEvents(instance, "ELEMENT_ACTIVATING")).doesNotContain("refund");
  }

  @Test
  void shouldUndoTheParentScopesWorkFromAnErrorEventSubProcess() {
    // given: reserve, then (inside a sub-process) charge; shipping fails with an error that compensates both
    harness.deploy(Bpmn.createExecutableProcess("p")
        .eventSubProcess("on-failure", e -> e.startEvent("failed").error("UNDELIVERABLE")
            .endEvent("roll-back").compensateEventDefinition().compensateEventDefinitionDone())
        .startEvent()
        .serviceTask("reserve", t -> t.zeebeJobType("reserve"))
        .boundaryEvent().compensation(c -> c.serviceTask("release").zeebeJobType("release"))
        .moveToActivity("reserve")
        .subProcess("payment").embeddedSubProcess().startEvent()
        .serviceTask("charge").zeebeJobType("charge")
        .boundaryEvent().compensation(c -> c.serviceTask("refund").zeebeJobType("refund"))
        .moveToActivity("charge").endEvent().subProcessDone()
        .serviceTask("ship", t -> t.zeebeJobType("ship")).endEvent().done());
    long instance = harness.start("p", Map.of());
    harness.completeJob("reserve", Map.of());
    harness.completeJob("charge", Map.of());

    // when
    ActivatedJob ship = harness.activateOne("ship");
    harness.engine().throwError(new ThrowError(ship.key(), "UNDELIVERABLE", null, Map.of()));

    // then both are undone, newest first, and the process ends after the handlers
    List<String> activating = harness.elementEvents(instance, "ELEMENT_ACTIVATING");
    assertThat(activating).containsSubsequence("roll-back", "refund", "release");
    harness.completeJob("refund", Map.of());
    harness.completeJob("release", Map.of());
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldUndoOnlyTheNamedActivity() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .serviceTask("reserve", t -> t.zeebeJobType("reserve"))
        .boundaryEvent().compensation(c -> c.serviceTask("release").zeebeJobType("release"))
        .moveToActivity("reserve")
        .serviceTask("charge").zeebeJobType("charge")
        .boundaryEvent().compensation(c -> c.serviceTask("refund").zeebeJobType("refund"))
        .moveToActivity("charge")
        .intermediateThrowEvent("undo-charge").compensateEventDefinition().activityRef("charge")
        .compensateEventDefinitionDone()
        .endEvent().done());
    long instance = harness.start("p", Map.of());
    harness.completeJob("reserve", Map.of());
    harness.completeJob("charge", Map.of());

    harness.completeJob("refund", Map.of());

    assertThat(harness.elementEvents(instance, "ELEMENT_ACTIVATING")).doesNotContain("release");
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }
}
