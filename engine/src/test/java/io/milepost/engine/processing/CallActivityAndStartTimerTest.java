package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceFilter;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.api.ProcessInstanceView;
import io.milepost.engine.api.ThrowError;
import io.milepost.engine.testing.EngineHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CallActivityAndStartTimerTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();

  private List<ProcessInstanceView> instancesOf(String processId) {
    return harness.engine().queries().searchProcessInstances(
        new ProcessInstanceFilter(null, processId, null, null, null, null, null), PageRequest.defaults()).items();
  }

  private void deployParentAndChild() {
    harness.deploy(Bpmn.createExecutableProcess("transfer").startEvent()
        .serviceTask("load", t -> t.zeebeJobType("load")).endEvent().done());
    harness.deploy(Bpmn.createExecutableProcess("inbound").startEvent()
        .callActivity("do-transfer", c -> c.zeebeProcessIdExpression("\"trans\" + \"fer\""))
        .boundaryEvent("no-trailer").error("NO_TRAILER").endEvent("escalated")
        .moveToActivity("do-transfer").endEvent("done").done());
  }

  @Test
  void shouldRunTheCalledProcessAndTakeItsVariablesBack() {
    deployParentAndChild();
    long parent = harness.start("inbound", Map.of("pallets", 3));

    var job = harness.activateOne("load");
    assertThat(job.variables()).containsEntry("pallets", 3);
    harness.engine().completeJob(job.key(), Map.of("trailer", "TR-5"));

    assertThat(instancesOf("transfer")).singleElement().satisfies(child -> {
      assertThat(child.parentProcessInstanceKey()).isEqualTo(parent);
      assertThat(child.state()).isEqualTo(ProcessInstanceState.COMPLETED);
    });
    assertThat(harness.variables(parent)).containsEntry("trailer", "TR-5");
    assertThat(harness.engine().queries().processInstance(parent).orElseThrow().state()).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldTakeBackOnlyWhatTheOutputMappingsNameWhenNotPropagatingAllChildVariables() {
    harness.deploy(Bpmn.createExecutableProcess("transfer").startEvent()
        .serviceTask("load", t -> t.zeebeJobType("load")).endEvent().done());
    harness.deploy(Bpmn.createExecutableProcess("inbound").startEvent()
        .callActivity("do-transfer", c -> c.zeebeProcessId("transfer").zeebePropagateAllChildVariables(false)
            .zeebeOutputExpression("trailer", "assignedTrailer"))
        .userTask("unload").endEvent().done());
    long parent = harness.start("inbound", Map.of());

    harness.engine().completeJob(harness.activateOne("load").key(), Map.of("trailer", "TR-5", "dock", 4));

    // the output mapping reads the child's variables; nothing else of the child's comes back
    assertThat(harness.variables(parent)).containsEntry("assignedTrailer", "TR-5").doesNotContainKeys("trailer", "dock");
  }

  @Test
  void shouldCatchAnErrorOfTheCalledProcessAtTheCallActivity() {
    deployParentAndChild();
    long parent = harness.start("inbound", Map.of());

    harness.engine().throwError(new ThrowError(harness.activateOne("load").key(), "NO_TRAILER", null, Map.of()));

    assertThat(harness.elementEvents(parent, "ELEMENT_COMPLETED")).contains("escalated").doesNotContain("done");
    assertThat(instancesOf("transfer").getFirst().state()).isEqualTo(ProcessInstanceState.TERMINATED);
  }

  @Test
  void shouldCancelTheChildWithItsParent() {
    deployParentAndChild();
    long parent = harness.start("inbound", Map.of());

    harness.engine().cancelProcessInstance(parent);

    assertThat(instancesOf("transfer").getFirst().state()).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(harness.activate("load", 1)).isEmpty();
  }

  @Test
  void shouldStartInstancesOnATimerCycleAndStopAfterANewVersion() {
    harness.deploy(Bpmn.createExecutableProcess("wave").startEvent("every-hour").timerWithCycle("R/PT1H").endEvent().done());

    harness.clock.advance(Duration.ofMinutes(61));
    harness.engine().processDueWork();
    harness.clock.advance(Duration.ofMinutes(60));
    harness.engine().processDueWork();
    assertThat(instancesOf("wave")).hasSize(2);

    harness.deploy(Bpmn.createExecutableProcess("wave").startEvent("manual").endEvent().done());
    harness.clock.advance(Duration.ofHours(3));
    harness.engine().processDueWork();
    assertThat(instancesOf("wave")).hasSize(2);
  }
}
