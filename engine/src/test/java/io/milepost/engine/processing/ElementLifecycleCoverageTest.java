package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.api.EngineEvent;
import io.milepost.engine.state.ElementState;
import io.milepost.engine.testing.EngineHarness;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every transition in the declared lifecycle table is exercised; a dead entry in the table fails here. */
class ElementLifecycleCoverageTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();

  @Test
  void shouldExerciseEveryDeclaredTransition() {
    // complete normally; terminate while activated; while activating (input incident); while completing (output incident)
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .serviceTask("work", t -> t.zeebeJobType("work")).endEvent().done());
    harness.deploy(Bpmn.createExecutableProcess("in").startEvent()
        .serviceTask("bad-input", t -> t.zeebeJobType("x").zeebeInputExpression("assert(1, false)", "y")).endEvent().done());
    harness.deploy(Bpmn.createExecutableProcess("out").startEvent()
        .serviceTask("bad-output", t -> t.zeebeJobType("out").zeebeOutputExpression("assert(1, false)", "y")).endEvent().done());
    long done = harness.start("p", Map.of());
    harness.completeJob("work", Map.of());
    long cancelledWhileActivated = harness.start("p", Map.of());
    long cancelledWhileActivating = harness.start("in", Map.of());
    long cancelledWhileCompleting = harness.start("out", Map.of());
    harness.completeJob("out", Map.of());
    for (long instance : new long[] {cancelledWhileActivated, cancelledWhileActivating, cancelledWhileCompleting}) {
      harness.engine().cancelProcessInstance(instance);
    }

    Set<String> seen = new HashSet<>();
    for (long instance : new long[] {done, cancelledWhileActivated, cancelledWhileActivating, cancelledWhileCompleting}) {
      Map<Long, ElementState> last = new HashMap<>();
      for (EngineEvent event : harness.events(instance)) {
        if (!event.valueType().equals("PROCESS_INSTANCE") || !event.intent().startsWith("ELEMENT_")) {
          continue;
        }
        ElementState state = ElementState.valueOf(event.intent().substring("ELEMENT_".length()));
        ElementState previous = last.put(event.key(), state);
        if (previous != null) {
          seen.add(previous + "->" + state);
        }
      }
    }

    Set<String> declared = new HashSet<>();
    ElementLifecycle.TRANSITIONS.forEach((from, targets) -> targets.forEach(to -> declared.add(from + "->" + to)));
    assertThat(seen).containsExactlyInAnyOrderElementsOf(declared);
  }
}
