package io.milepost.engine.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.api.BusinessIdPaths;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceFilter;
import io.milepost.engine.api.ProcessInstanceView;
import io.milepost.engine.testing.EngineHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Instances are found by the business ids their variables carry at the configured paths, exactly, whenever and in
 * whichever scope the variable was written. On H2, and on PostgreSQL in the second surefire run.
 */
class BusinessIdSearchTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness(c -> c.withBusinessIdPaths(BusinessIdPaths.parse(
      List.of("order.orderId", "shipment.shipmentId", "parcel.label.trackingId"))));

  @BeforeEach
  void deployShipping() {
    harness.deploy(Bpmn.createExecutableProcess("ship").startEvent()
        .serviceTask("pack", t -> t.zeebeJobType("pack"))
        .serviceTask("deliver", t -> t.zeebeJobType("deliver")
            .zeebeInputExpression("{shipmentId: \"s-\" + order.orderId}", "shipment"))
        .endEvent().done());
  }

  @Test
  void shouldFindAnInstanceByTheIdItStartedWithAndByOneAJobAddedLater() {
    // given: o-11 and o-1 started; o-11's parcel gets its tracking id when packing completes
    long first = harness.start("ship", Map.of("order", Map.of("orderId", "o-11", "items", List.of("a", "b"))));
    long second = harness.start("ship", Map.of("order", Map.of("orderId", "o-1")));
    harness.engine().completeJob(jobOf(first), Map.of("parcel", Map.of("label", Map.of("trackingId", "TRK-9"))));

    // then
    assertThat(found("o-11")).containsExactly(first);
    assertThat(found("o-1")).containsExactly(second);
    assertThat(found("TRK-9")).containsExactly(first);
  }

  @Test
  void shouldNotFindAnInstanceByPartOfAnIdOrByAValueAtAnotherPath() {
    // given
    harness.start("ship", Map.of("order", Map.of("orderId", "o-11", "note", "o-77"), "shipment", "s-5",
        "parcel", Map.of("trackingId", "TRK-1")));

    // then: no substring, no field the paths do not name, no id outside its path
    assertThat(found("o-1")).isEmpty();
    assertThat(found("11")).isEmpty();
    assertThat(found("o-77")).isEmpty();
    assertThat(found("s-5")).isEmpty();
    assertThat(found("TRK-1")).isEmpty();
  }

  @Test
  void shouldRecordAnIdOnceWhenTheVariableIsRewrittenAndKeepEarlierIds() {
    // given: the order rewritten with the same id, then with a corrected one, by the jobs' completions
    long instance = harness.start("ship", Map.of("order", Map.of("orderId", "o-5")));
    harness.engine().completeJob(jobOf(instance), Map.of("order", Map.of("orderId", "o-5", "packed", true)));
    harness.engine().completeJob(harness.activateOne("deliver").key(), Map.of("order", Map.of("orderId", "o-5b")));

    // then: one row for o-5 (a duplicate would list the instance twice), and both ids find it
    assertThat(found("o-5")).containsExactly(instance);
    assertThat(found("o-5b")).containsExactly(instance);
  }

  @Test
  void shouldFindAnInstanceByAnIdInAStepsLocalVariable() {
    // given: the deliver step maps a shipment into its own scope
    long instance = harness.start("ship", Map.of("order", Map.of("orderId", "o-3")));
    assertThat(found("s-o-3")).isEmpty();

    // when
    harness.engine().completeJob(jobOf(instance), Map.of());

    // then
    assertThat(found("s-o-3")).containsExactly(instance);
  }

  @Test
  void shouldStillFindACancelledInstanceByItsId() {
    // given
    long instance = harness.start("ship", Map.of("order", Map.of("orderId", "o-9")));

    // when
    harness.engine().cancelProcessInstance(instance);

    // then
    assertThat(found("o-9")).containsExactly(instance);
  }

  /** The instance's pack job, activated (with every other instance's). */
  private long jobOf(long processInstanceKey) {
    return harness.activate("pack", 10).stream().filter(job -> job.processInstanceKey() == processInstanceKey)
        .findFirst().orElseThrow().key();
  }

  private List<Long> found(String businessId) {
    return harness.engine().queries().searchProcessInstances(new ProcessInstanceFilter(null, null, null, null, null,
        null, null, null, null, null, businessId, null), PageRequest.defaults()).items().stream()
        .map(ProcessInstanceView::key).toList();
  }
}
