package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.IncidentFilter;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.api.ThrowError;
import io.milepost.engine.testing.EngineHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tier-2 elements the network's models use: sub-processes, error and timer boundaries, timer catch, multi-instance. */
class EventsAndScopesTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();

  private ProcessInstanceState state(long instance) {
    return harness.engine().queries().processInstance(instance).orElseThrow().state();
  }

  @Test
  void shouldCatchAJobsBpmnErrorAtTheBoundaryOfItsSubProcess() {
    // given allocate inside a sub-process, OUT_OF_STOCK caught on the sub-process
    harness.deploy(Bpmn.createExecutableProcess("order").startEvent()
        .subProcess("fulfil").embeddedSubProcess().startEvent()
        .serviceTask("allocate", t -> t.zeebeJobType("allocate")).endEvent().subProcessDone()
        .boundaryEvent("out-of-stock").error("OUT_OF_STOCK").serviceTask("backorder", t -> t.zeebeJobType("backorder")).endEvent()
        .moveToNode("fulfil").endEvent("shipped").done());
    long instance = harness.start("order", Map.of());

    // when the worker throws the error
    ActivatedJob job = harness.activateOne("allocate");
    harness.engine().throwError(new ThrowError(job.key(), "OUT_OF_STOCK", "no stock", Map.of("reason", "sku A-1")));

    // then the sub-process is terminated and the boundary path runs
    assertThat(harness.elementEvents(instance, "ELEMENT_TERMINATED")).containsExactly("allocate", "fulfil");
    assertThat(harness.variables(instance)).containsEntry("reason", "sku A-1");
    harness.completeJob("backorder", Map.of());
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).doesNotContain("shipped");
  }

  @Test
  void shouldRaiseAnIncidentNamingTheCodeWhenNobodyCatchesTheError() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .serviceTask("allocate", t -> t.zeebeJobType("allocate")).endEvent().done());
    long instance = harness.start("p", Map.of());

    harness.engine().throwError(new ThrowError(harness.activateOne("allocate").key(), "OUT_OF_STOCK", null, Map.of()));

    var incident = harness.engine().queries().searchIncidents(
        new IncidentFilter(null, instance, null, null, null, null, null), PageRequest.defaults()).items().getFirst();
    assertThat(incident.errorType()).isEqualTo("UNHANDLED_ERROR_EVENT");
    assertThat(incident.errorMessage()).contains("'OUT_OF_STOCK'");
  }

  @Test
  void shouldInterruptTheTaskWhenItsTimerBoundaryFires() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .serviceTask("pick", t -> t.zeebeJobType("pick"))
        .boundaryEvent("ship-by").timerWithDuration("PT4H").userTask("escalate", u -> u.zeebeUserTask()).endEvent()
        .moveToActivity("pick").endEvent().done());
    long instance = harness.start("p", Map.of());

    harness.clock.advance(Duration.ofHours(3));
    harness.engine().processDueWork();
    assertThat(harness.elementEvents(instance, "ELEMENT_ACTIVATING")).doesNotContain("ship-by");

    harness.clock.advance(Duration.ofHours(2));
    harness.engine().processDueWork();
    assertThat(harness.elementEvents(instance, "ELEMENT_TERMINATED")).containsExactly("pick");
    assertThat(harness.elementEvents(instance, "ELEMENT_ACTIVATED")).contains("escalate");
    assertThat(harness.activate("pick", 1)).isEmpty();
  }

  @Test
  void shouldKeepTheTaskWhenANonInterruptingTimerFiresAndCancelItsTimerWhenTheTaskCompletes() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .serviceTask("pick", t -> t.zeebeJobType("pick"))
        .boundaryEvent("remind").cancelActivity(false).timerWithCycle("R2/PT1H").endEvent("reminded")
        .moveToActivity("pick").endEvent("done").done());
    long instance = harness.start("p", Map.of());

    harness.clock.advance(Duration.ofMinutes(61));
    harness.engine().processDueWork();
    harness.completeJob("pick", Map.of());
    harness.clock.advance(Duration.ofHours(5));
    harness.engine().processDueWork();

    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).containsOnlyOnce("reminded").contains("pick", "done");
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldWaitAtATimerCatchEvent() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .intermediateCatchEvent("next-day").timerWithDurationExpression("retryAfter").endEvent().done());
    long instance = harness.start("p", Map.of("retryAfter", "P1D"));

    harness.clock.advance(Duration.ofHours(23));
    harness.engine().processDueWork();
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);

    harness.clock.advance(Duration.ofHours(2));
    harness.engine().processDueWork();
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldRunOneInstancePerItemInParallelAndCollectTheOutputs() {
    // given
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .serviceTask("transfer", t -> t.zeebeJobType("transfer")
            .multiInstance(m -> m.parallel().zeebeInputCollectionExpression("destinations").zeebeInputElement("fc")
                .zeebeOutputCollection("pallets").zeebeOutputElementExpression("pallet")))
        .endEvent().done());
    long instance = harness.start("p", Map.of("destinations", List.of("fc-west-1", "fc-east-1", "nfc-west-1")));

    // when each inner job completes with its pallet
    List<ActivatedJob> jobs = harness.activate("transfer", 10);
    assertThat(jobs).hasSize(3);
    for (ActivatedJob job : jobs.reversed()) {
      harness.engine().completeJob(job.key(), Map.of("pallet", "P-" + job.variables().get("fc")));
    }

    // then the output collection is in item order and the instance completed
    assertThat(harness.variables(instance)).containsEntry("pallets", List.of("P-fc-west-1", "P-fc-east-1", "P-nfc-west-1"))
        .doesNotContainKeys("fc", "loopCounter");
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldKeepWhatEachIterationWritesToTheOutputElementInThatIteration() {
    // given every iteration writes its result before any of them completes
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .subProcess("per-item", s -> s.multiInstance(m -> m.parallel().zeebeInputCollectionExpression("items")
            .zeebeInputElement("item").zeebeOutputCollection("labels").zeebeOutputElementExpression("label")))
        .embeddedSubProcess().startEvent()
        .scriptTask("label-it", t -> t.zeebeExpression("upper case(item)").zeebeResultVariable("label"))
        .serviceTask("print", t -> t.zeebeJobType("print"))
        .endEvent().subProcessDone()
        .endEvent().done());
    long instance = harness.start("p", Map.of("items", List.of("a", "b", "c")));

    // when
    for (ActivatedJob job : harness.activate("print", 10)) {
      harness.engine().completeJob(job.key(), Map.of());
    }

    // then each iteration's own label was collected (as in Camunda, the output element is local to each iteration)
    assertThat(harness.variables(instance)).containsEntry("labels", List.of("A", "B", "C")).doesNotContainKey("label");
  }

  @Test
  void shouldRunSequentiallyAndStopAtTheCompletionCondition() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent()
        .serviceTask("attempt", t -> t.zeebeJobType("attempt")
            .multiInstance(m -> m.sequential().zeebeInputCollectionExpression("[1, 2, 3]").zeebeInputElement("try")
                .completionCondition("=delivered")))
        .endEvent().done());
    long instance = harness.start("p", Map.of("delivered", false));

    assertThat(harness.activate("attempt", 10)).singleElement().satisfies(job -> {
      assertThat(job.variables()).containsEntry("try", 1);
      harness.engine().completeJob(job.key(), Map.of());
    });
    assertThat(harness.activate("attempt", 10)).singleElement().satisfies(job -> {
      assertThat(job.variables()).containsEntry("try", 2);
      harness.engine().completeJob(job.key(), Map.of("delivered", true));
    });

    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(harness.activate("attempt", 10)).isEmpty();
  }

  @Test
  void shouldEndEverythingInTheScopeAtATerminateEndEvent() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent().parallelGateway("split")
        .serviceTask("slow", t -> t.zeebeJobType("slow")).endEvent()
        .moveToNode("split").serviceTask("fast", t -> t.zeebeJobType("fast")).endEvent("stop").terminate().done());
    long instance = harness.start("p", Map.of());

    harness.completeJob("fast", Map.of());

    assertThat(harness.elementEvents(instance, "ELEMENT_TERMINATED")).containsExactly("slow");
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }
}
