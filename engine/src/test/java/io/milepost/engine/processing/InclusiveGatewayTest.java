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

class InclusiveGatewayTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();

  /** Pack, gift-wrap and insert a flyer, each only when asked for; the join waits for what was started. */
  private void deployForkAndJoin() {
    harness.deploy(Bpmn.createExecutableProcess("extras").startEvent()
        .inclusiveGateway("fork")
        .sequenceFlowId("to-plain").defaultFlow().serviceTask("plain", t -> t.zeebeJobType("plain"))
        .inclusiveGateway("join").serviceTask("ship", t -> t.zeebeJobType("ship")).endEvent("shipped")
        .moveToNode("fork").sequenceFlowId("to-wrap").conditionExpression("=giftWrap")
        .serviceTask("wrap", t -> t.zeebeJobType("wrap")).connectTo("join")
        .moveToNode("fork").sequenceFlowId("to-flyer").conditionExpression("=flyer")
        .serviceTask("flyer", t -> t.zeebeJobType("flyer")).connectTo("join")
        .done());
  }

  private ProcessInstanceState state(long instance) {
    return harness.engine().queries().processInstance(instance).orElseThrow().state();
  }

  @Test
  void shouldTakeEveryFlowWhoseConditionIsTrueAndJoinThemOnce() {
    // given
    deployForkAndJoin();
    long instance = harness.start("extras", Map.of("giftWrap", true, "flyer", true));
    assertThat(harness.elementEvents(instance, "SEQUENCE_FLOW_TAKEN")).contains("to-wrap", "to-flyer").doesNotContain("to-plain");

    // when one branch is done, the join waits for the other
    harness.completeJob("wrap", Map.of());
    assertThat(harness.elementEvents(instance, "ELEMENT_ACTIVATING")).doesNotContain("join");

    // when the other branch is done too, the join fires once
    harness.completeJob("flyer", Map.of());
    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).containsOnlyOnce("join");
    harness.completeJob("ship", Map.of());
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldJoinASingleTakenFlowWithoutWaitingForFlowsThatWereNotTaken() {
    deployForkAndJoin();
    long instance = harness.start("extras", Map.of("giftWrap", false, "flyer", true));

    harness.completeJob("flyer", Map.of());

    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).containsOnlyOnce("join");
    assertThat(harness.activate("ship", 1)).hasSize(1);
  }

  @Test
  void shouldTakeTheDefaultFlowOnlyWhenNoConditionIsTrue() {
    deployForkAndJoin();
    long instance = harness.start("extras", Map.of("giftWrap", false, "flyer", false));

    assertThat(harness.elementEvents(instance, "SEQUENCE_FLOW_TAKEN")).contains("to-plain").doesNotContain("to-wrap", "to-flyer");
    harness.completeJob("plain", Map.of());
    harness.completeJob("ship", Map.of());
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldRaiseAnIncidentWhenNoConditionIsTrueAndThereIsNoDefaultFlow() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent().inclusiveGateway("fork")
        .conditionExpression("=a").endEvent("a-end")
        .moveToNode("fork").conditionExpression("=b").endEvent("b-end").done());
    long instance = harness.start("p", Map.of("a", false, "b", false));

    var incident = harness.engine().queries().searchIncidents(
        new IncidentFilter(null, instance, null, null, null, null, null), PageRequest.defaults()).items().getFirst();
    assertThat(incident.elementId()).isEqualTo("fork");
    assertThat(incident.errorType()).isEqualTo("CONDITION_ERROR");
    assertThat(incident.errorMessage()).contains("no condition of inclusive gateway 'fork' was true");
  }

  @Test
  void shouldFireTheJoinWhenTheOtherTokenTakesAPathThatCannotReachIt() {
    // given a branch that may end before the join
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .inclusiveGateway("fork")
        .conditionExpression("=true").serviceTask("pick", t -> t.zeebeJobType("pick")).inclusiveGateway("join").endEvent("done")
        .moveToNode("fork").conditionExpression("=true").serviceTask("check", t -> t.zeebeJobType("check"))
        .exclusiveGateway("ok").defaultFlow().serviceTask("report", t -> t.zeebeJobType("report")).endEvent("reported")
        .moveToNode("ok").conditionExpression("=ok").connectTo("join")
        .done());
    long instance = harness.start("p", Map.of("ok", false));

    // when pick waits at the join and check turns away from it
    harness.completeJob("pick", Map.of());
    assertThat(harness.elementEvents(instance, "ELEMENT_ACTIVATING")).doesNotContain("join");
    harness.completeJob("check", Map.of());

    // then the join fires while report still runs: no token can reach it any more
    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).containsOnlyOnce("join").contains("done");
    harness.completeJob("report", Map.of());
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }
}
