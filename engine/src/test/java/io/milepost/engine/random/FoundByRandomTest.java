package io.milepost.engine.random;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.api.JobFilter;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.testing.EngineHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The smallest reproductions of engine bugs the randomized test found, kept as regression tests. */
class FoundByRandomTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();

  private ProcessInstanceState state(long instance) {
    return harness.engine().queries().processInstance(instance).orElseThrow().state();
  }

  @Test
  void shouldNotActivateASiblingThatATerminateEndEventTerminatedWhileItWasStillActivating() {
    // given a fork whose first branch ends at a terminate end event and whose second branch is a task
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent().parallelGateway("fork")
        .endEvent("stop").terminate()
        .moveToNode("fork").serviceTask("pick", t -> t.zeebeJobType("pick")).endEvent("done").done());

    // when an instance starts (both branches are activated in the same command, the terminate end first)
    long instance = harness.start("p", Map.of());

    // then the terminate end event ended the instance and the task never came to life
    assertThat(harness.elementEvents(instance, "ELEMENT_TERMINATED")).containsExactly("pick");
    assertThat(harness.elementEvents(instance, "ELEMENT_ACTIVATED")).doesNotContain("pick");
    assertThat(harness.engine().queries().searchJobs(new JobFilter(null, null, null, instance), PageRequest.defaults())
        .items()).isEmpty();
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldNotCompleteAGatewayThatATerminateEndEventTerminatedWhileItWasCompleting() {
    // given a fork whose branches are an exclusive gateway and a terminate end event behind another
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent().parallelGateway("fork")
        .exclusiveGateway("check").serviceTask("pick", t -> t.zeebeJobType("pick")).endEvent("done")
        .moveToNode("fork").endEvent("stop").terminate().done());

    long instance = harness.start("p", Map.of());

    // then the gateway was terminated, not completed afterwards, and no flow left it
    assertThat(harness.elementEvents(instance, "ELEMENT_TERMINATED")).containsExactly("check");
    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).doesNotContain("check", "pick");
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }
}
