package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.ProcessInstanceResult;
import io.milepost.engine.testing.EngineHarness;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AwaitCompletionTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();

  @Test
  void shouldForgetAwaitsWhoseCallerGaveUp() {
    // given a process whose instances never end
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent().serviceTask("task", t -> t.zeebeJobType("never"))
        .endEvent().done());

    // when 10,000 callers await an instance and give up, as a request that timed out does
    List<WeakReference<Map<String, Object>>> variables = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      Map<String, Object> orderVariables = new HashMap<>(Map.of("order", "o-" + i + "-".repeat(200)));
      variables.add(new WeakReference<>(orderVariables));
      CompletableFuture<ProcessInstanceResult> result = harness.engine()
          .createProcessInstanceWithResult(CreateProcessInstance.latest("p", orderVariables));
      result.cancel(false);
    }

    // then the engine keeps none of their commands (and the variables they carry) in memory
    assertThat(collectedAfterGc(variables)).isEqualTo(variables.size());
  }

  @Test
  void shouldStillAnswerAnAwaitWhoseInstanceEnds() {
    // given
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent().serviceTask("task", t -> t.zeebeJobType("work"))
        .endEvent().done());
    CompletableFuture<ProcessInstanceResult> result = harness.engine()
        .createProcessInstanceWithResult(CreateProcessInstance.latest("p", Map.of("orderId", "o-1")));

    // when
    harness.completeJob("work", Map.of("packed", true));

    // then
    assertThat(result.join().variables()).containsEntry("orderId", "o-1").containsEntry("packed", true);
  }

  private static long collectedAfterGc(List<? extends WeakReference<?>> references) {
    for (int attempt = 0; attempt < 10; attempt++) {
      System.gc();
      if (references.stream().allMatch(r -> r.get() == null)) {
        break;
      }
    }
    return references.stream().filter(r -> r.get() == null).count();
  }
}
