package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.api.CorrelateMessage;
import io.milepost.engine.api.ProcessInstanceFilter;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.api.PublishMessage;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.RejectionType;
import io.milepost.engine.testing.EngineHarness;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Messages: catch events, boundaries, buffering with TTL, de-duplication, correlate, start events, event-based gateways. */
class MessageTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();

  private ProcessInstanceState state(long instance) {
    return harness.engine().queries().processInstance(instance).orElseThrow().state();
  }

  private void deployTruckArrival() {
    harness.deploy(Bpmn.createExecutableProcess("dock").startEvent()
        .intermediateCatchEvent("arrived").message(m -> m.name("truck-arrived").zeebeCorrelationKeyExpression("trailerId"))
        .endEvent().done());
  }

  private void publish(String name, String key, Duration ttl, String messageId, Map<String, Object> variables) {
    harness.engine().publishMessage(new PublishMessage(name, key, ttl, messageId, variables));
  }

  @Test
  void shouldCorrelateAPublishedMessageToTheWaitingInstanceOnly() {
    deployTruckArrival();
    long waiting = harness.start("dock", Map.of("trailerId", "T-1"));
    long other = harness.start("dock", Map.of("trailerId", "T-2"));

    publish("truck-arrived", "T-1", Duration.ZERO, null, Map.of("door", 7));

    assertThat(state(waiting)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(harness.variables(waiting)).containsEntry("door", 7);
    assertThat(state(other)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void shouldBufferAMessageUntilItsTimeToLiveEndsAndCorrelateItOncePerInstance() {
    deployTruckArrival();
    publish("truck-arrived", "T-1", Duration.ofMinutes(10), null, Map.of());

    long first = harness.start("dock", Map.of("trailerId", "T-1"));
    assertThat(state(first)).isEqualTo(ProcessInstanceState.COMPLETED);

    harness.clock.advance(Duration.ofMinutes(11));
    harness.engine().processDueWork();
    long late = harness.start("dock", Map.of("trailerId", "T-1"));
    assertThat(state(late)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void shouldRejectADuplicateMessageIdWhileTheFirstIsBuffered() {
    publish("truck-arrived", "T-1", Duration.ofMinutes(10), "scan-42", Map.of());

    assertThatThrownBy(() -> publish("truck-arrived", "T-1", Duration.ofMinutes(10), "scan-42", Map.of()))
        .isInstanceOfSatisfying(RejectionException.class, e -> assertThat(e.type()).isEqualTo(RejectionType.INVALID_STATE))
        .hasMessageContaining("scan-42");
  }

  @Test
  void shouldAnswerTheReachedInstanceOnCorrelateOrNotFound() {
    deployTruckArrival();
    long waiting = harness.start("dock", Map.of("trailerId", "T-1"));

    assertThat(harness.engine().correlateMessage(new CorrelateMessage("truck-arrived", "T-1", Map.of())).processInstanceKey())
        .isEqualTo(waiting);
    assertThatThrownBy(() -> harness.engine().correlateMessage(new CorrelateMessage("truck-arrived", "T-9", Map.of())))
        .isInstanceOfSatisfying(RejectionException.class, e -> assertThat(e.type()).isEqualTo(RejectionType.NOT_FOUND));
  }

  @Test
  void shouldInterruptATaskByAMessageBoundary() {
    harness.deploy(Bpmn.createExecutableProcess("order").startEvent()
        .serviceTask("pick", t -> t.zeebeJobType("pick"))
        .boundaryEvent("cancelled").message(m -> m.name("order-cancelled").zeebeCorrelationKeyExpression("orderId"))
        .endEvent("cancelled-end")
        .moveToActivity("pick").endEvent().done());
    long instance = harness.start("order", Map.of("orderId", "o-1"));

    publish("order-cancelled", "o-1", Duration.ZERO, null, Map.of());

    assertThat(harness.elementEvents(instance, "ELEMENT_TERMINATED")).containsExactly("pick");
    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).contains("cancelled-end");
    assertThat(harness.activate("pick", 1)).isEmpty();
  }

  @Test
  void shouldStartAnInstanceAtAMessageStartEvent() {
    deployInbound();

    publish("asn-received", "", Duration.ZERO, null, Map.of("vendor", "acme"));

    assertThat(inboundInstances()).isEqualTo(1);
    assertThat(harness.activateOne("receive").variables()).containsEntry("vendor", "acme");
  }

  @Test
  void shouldStartOneActiveInstancePerCorrelationKeyAtAMessageStartEvent() {
    deployInbound();

    publish("asn-received", "trailer-7", Duration.ZERO, null, Map.of());
    publish("asn-received", "trailer-7", Duration.ZERO, null, Map.of());
    publish("asn-received", "trailer-8", Duration.ZERO, null, Map.of());
    publish("asn-received", "", Duration.ZERO, null, Map.of());
    publish("asn-received", "", Duration.ZERO, null, Map.of());

    assertThat(inboundInstances()).as("trailer-7 once, trailer-8 once, and each message without a key").isEqualTo(4);

    // once the instance of trailer-7 ended, a message for it starts a new one
    harness.completeJob("receive", Map.of());
    harness.completeJob("receive", Map.of());
    harness.completeJob("receive", Map.of());
    harness.completeJob("receive", Map.of());
    publish("asn-received", "trailer-7", Duration.ZERO, null, Map.of());
    assertThat(inboundInstances()).isEqualTo(5);
  }

  private void deployInbound() {
    harness.deploy(Bpmn.createExecutableProcess("inbound").startEvent("asn").message("asn-received")
        .serviceTask("receive", t -> t.zeebeJobType("receive")).endEvent().done());
  }

  private long inboundInstances() {
    return harness.engine().queries().searchProcessInstances(
        new ProcessInstanceFilter(null, "inbound", null, null, null, null, null), PageRequest.defaults()).items().size();
  }

  @Test
  void shouldLetTheFirstEventWinAtAnEventBasedGateway() {
    harness.deploy(Bpmn.createExecutableProcess("attempt").startEvent().eventBasedGateway("wait")
        .intermediateCatchEvent("signed").message(m -> m.name("signed").zeebeCorrelationKeyExpression("parcel"))
        .endEvent("delivered")
        .moveToNode("wait").intermediateCatchEvent("timeout").timerWithDuration("PT2H").endEvent("retry-tomorrow")
        .done());
    long signed = harness.start("attempt", Map.of("parcel", "p-1"));
    long unanswered = harness.start("attempt", Map.of("parcel", "p-2"));

    publish("signed", "p-1", Duration.ZERO, null, Map.of());
    harness.clock.advance(Duration.ofHours(3));
    harness.engine().processDueWork();

    assertThat(harness.elementEvents(signed, "ELEMENT_COMPLETED")).contains("delivered").doesNotContain("retry-tomorrow");
    assertThat(harness.elementEvents(unanswered, "ELEMENT_COMPLETED")).contains("retry-tomorrow").doesNotContain("delivered");
    assertThat(state(signed)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(state(unanswered)).isEqualTo(ProcessInstanceState.COMPLETED);
  }
}
