package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.api.DecisionInstanceFilter;
import io.milepost.engine.api.DecisionInstanceView;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.EngineEvent;
import io.milepost.engine.api.EngineMetrics;
import io.milepost.engine.api.EvaluateDecision;
import io.milepost.engine.api.FailJob;
import io.milepost.engine.api.IncidentFilter;
import io.milepost.engine.api.JobFilter;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceFilter;
import io.milepost.engine.api.PublishMessage;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.api.VariableFilter;
import io.milepost.engine.testing.EngineHarness;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Instances whose root ended longer ago than the history retention are deleted with all they left; others stay. */
class HistoryRetentionTest {

  /** The instances each retention command counted as deleted (the engine's metric), in order. */
  private final List<Integer> deletedPerCommand = new CopyOnWriteArrayList<>();

  @RegisterExtension
  final EngineHarness harness = new EngineHarness(configuration -> configuration
      .withHistoryRetention(Duration.ofDays(30))
      .withMetrics(new EngineMetrics() {
        @Override
        public void historyDeleted(int processInstances) {
          deletedPerCommand.add(processInstances);
        }
      }));

  @BeforeEach
  void deploy() {
    harness.deploy(Bpmn.createExecutableProcess("order").startEvent()
        .businessRuleTask("choose-tier", t -> t.zeebeCalledDecisionId("shipping-tier").zeebeResultVariable("tier"))
        .serviceTask("pick", t -> t.zeebeJobType("pick")).endEvent().done());
    harness.engine().deploy(List.of(new DeploymentResource("shipping-tier.dmn", dmn("shipping-tier.dmn"))));
    harness.deploy(Bpmn.createExecutableProcess("inbound").startEvent()
        .callActivity("transfer", c -> c.zeebeProcessId("order"))
        .serviceTask("ship", t -> t.zeebeJobType("ship")).endEvent().done());
  }

  @Test
  void shouldDeleteInstancesWhoseRootEndedBeforeTheRetentionWithTheirChildren() {
    // given, on day 0: a completed order, an order terminated with an incident, an inbound with its called order
    long completed = harness.start("order", order("A-1"));
    harness.completeJob("pick", Map.of("picked", true));
    long terminated = harness.start("order", order("B-2"));
    harness.engine().failJob(new FailJob(harness.activateOne("pick").key(), 0, "no stock", Duration.ZERO, Map.of()));
    harness.engine().cancelProcessInstance(terminated);
    long parent = harness.start("inbound", order("I-4"));
    long child = childOf(parent);
    harness.completeJob("pick", Map.of());
    harness.completeJob("ship", Map.of());
    assertThat(stateOf(terminated)).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(stateOf(parent)).isEqualTo(ProcessInstanceState.COMPLETED);

    // when: 31 days later
    harness.clock.advance(Duration.ofDays(31));
    harness.engine().processDueWork();

    // then
    for (long instance : new long[] {completed, terminated, parent, child}) {
      assertGone(instance);
    }
    assertThat(deletedCounted()).isEqualTo(4);
  }

  @Test
  void shouldKeepRunningInstancesAndThoseThatEndedWithinTheRetention() {
    // given: on day 0 an order that keeps running, and an inbound whose called order completes at once
    long running = harness.start("order", order("R-1"));
    long parent = harness.start("inbound", order("I-5"));
    long child = childOf(parent);
    harness.engine().completeJob(harness.activate("pick", 10).stream()
        .filter(job -> job.processInstanceKey() == child).findFirst().orElseThrow().key(), Map.of());
    // the inbound itself completes on day 25: its called order ended 31 days before the sweep, but its root did not
    harness.clock.advance(Duration.ofDays(25));
    harness.completeJob("ship", Map.of());
    long recent = harness.start("order", order("C-3"));
    harness.engine().completeJob(harness.activate("pick", 10).stream()
        .filter(job -> job.processInstanceKey() == recent).findFirst().orElseThrow().key(), Map.of());

    // when
    harness.clock.advance(Duration.ofDays(6));
    harness.engine().processDueWork();

    // then
    assertThat(stateOf(running)).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(stateOf(parent)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(stateOf(child)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(stateOf(recent)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(harness.events(child)).isNotEmpty();
    assertThat(harness.variables(recent)).containsEntry("orderId", "C-3");
    assertThat(decisionInstances(recent)).isNotEmpty();
    assertThat(deletedCounted()).isEqualTo(0);
    // and the old running order still works to its end
    harness.completeJob("pick", Map.of());
    assertThat(stateOf(running)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldWorkOffMoreExpiredInstancesThanOneCommandDeletes() {
    // given more ended instances than one command deletes
    harness.deploy(Bpmn.createExecutableProcess("scan").startEvent().endEvent().done());
    int ended = 60;
    for (int i = 0; i < ended; i++) {
      harness.start("scan", Map.of("parcel", i));
    }

    // when
    harness.clock.advance(Duration.ofDays(31));
    harness.engine().processDueWork();

    // then one due-work run deleted them all, a few commands in a row
    assertThat(harness.engine().queries().searchProcessInstances(
        new ProcessInstanceFilter(null, "scan", null, null, null, null, null), PageRequest.defaults()).items()).isEmpty();
    assertThat(deletedCounted()).isEqualTo(ended);
  }

  @Test
  void shouldDeleteInstancesInSmallCommandsWithinASecondOfComingOfAge() {
    // given twelve instances that ended together, and a sweep just before they come of age
    harness.deploy(Bpmn.createExecutableProcess("scan").startEvent().endEvent().done());
    for (int i = 0; i < 12; i++) {
      harness.start("scan", Map.of("parcel", i));
    }
    harness.clock.advance(Duration.ofDays(30));
    harness.engine().processDueWork();
    assertThat(deletedCounted()).isEqualTo(0);

    // when the next due-work run is a second later
    harness.clock.advance(Duration.ofSeconds(1));
    harness.engine().processDueWork();

    // then that run deleted them, a few per command, so that no other command waits long behind one
    assertThat(deletedPerCommand).containsExactly(5, 5, 2);
  }

  @Test
  void shouldDeleteOldEventsOfNoInstanceButThoseOfDeployments() {
    // given on day 0: a message published with a time to live, and a decision evaluated through the API
    long oldMessage = harness.engine().publishMessage(
        new PublishMessage("parcel-scanned", "P-1", Duration.ofHours(1), null, Map.of())).messageKey();
    long evaluation = harness.engine().evaluateDecision(
        new EvaluateDecision(null, "shipping-tier", Map.of("weightKg", 5, "hazmat", false))).evaluationKey();
    // and on day 31 a message published just now
    harness.clock.advance(Duration.ofDays(31));
    Instant day31 = harness.clock.instant();
    long newMessage = harness.engine().publishMessage(
        new PublishMessage("parcel-scanned", "P-2", Duration.ofHours(1), null, Map.of())).messageKey();

    // when (the old message expires in this run: its expiry is of day 31)
    harness.engine().processDueWork();

    // then what is left of no instance is the deployments' and day 31's
    List<EngineEvent> left = harness.events(-1);
    assertThat(left).extracting(EngineEvent::valueType).contains("DEPLOYMENT", "PROCESS", "DECISION");
    assertThat(left).filteredOn(event -> !DEPLOYMENT_RECORDS.contains(event.valueType()))
        .extracting(EngineEvent::valueType, EngineEvent::intent, EngineEvent::key, EngineEvent::timestamp)
        .containsExactly(tuple("MESSAGE", "PUBLISHED", newMessage, day31), tuple("MESSAGE", "EXPIRED", oldMessage, day31));
    assertThat(harness.engine().decisionQueries().searchDecisionInstances(
        new DecisionInstanceFilter(null, evaluation, null, null, null, null, null, null, null), PageRequest.defaults())
        .items()).isEmpty();
  }

  private static final Set<String> DEPLOYMENT_RECORDS = Set.of("DEPLOYMENT", "PROCESS", "FORM",
      "DECISION_REQUIREMENTS", "DECISION");

  /** An order's variables: the decision reads weightKg and hazmat. */
  private static Map<String, Object> order(String orderId) {
    return Map.of("orderId", orderId, "weightKg", 5, "hazmat", false);
  }

  private static byte[] dmn(String name) {
    try (InputStream in = HistoryRetentionTest.class.getResourceAsStream("/dmn/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<DecisionInstanceView> decisionInstances(long instance) {
    return harness.engine().decisionQueries().searchDecisionInstances(
        new DecisionInstanceFilter(null, null, null, null, null, null, null, instance, null), PageRequest.defaults())
        .items();
  }

  private ProcessInstanceState stateOf(long instance) {
    return harness.engine().queries().processInstance(instance).orElseThrow().state();
  }

  private long childOf(long parent) {
    return harness.engine().queries().searchProcessInstances(
        new ProcessInstanceFilter(null, null, null, null, null, parent, null), PageRequest.defaults())
        .items().getFirst().key();
  }

  private int deletedCounted() {
    return deletedPerCommand.stream().mapToInt(Integer::intValue).sum();
  }

  private void assertGone(long instance) {
    var queries = harness.engine().queries();
    assertThat(queries.processInstance(instance)).as("instance %d", instance).isEmpty();
    assertThat(queries.elementInstances(instance)).as("element instances of %d", instance).isEmpty();
    assertThat(queries.events(instance)).as("events of %d", instance).isEmpty();
    assertThat(queries.searchVariables(new VariableFilter(instance, null, null), PageRequest.defaults()).items())
        .as("variables of %d", instance).isEmpty();
    assertThat(queries.searchJobs(new JobFilter(null, null, null, instance), PageRequest.defaults()).items())
        .as("jobs of %d", instance).isEmpty();
    assertThat(queries.searchIncidents(new IncidentFilter(null, instance, null, null, null, null, null),
        PageRequest.defaults()).items()).as("incidents of %d", instance).isEmpty();
    assertThat(decisionInstances(instance)).as("decision instances of %d", instance).isEmpty();
  }
}
