package io.milepost.host.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.BroadcastSignalResponse;
import io.camunda.client.api.response.PublishMessageResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Messages and signals reach the engine. The engine supports them from BPMN tier 2 and 3; until
 * then these tests are skipped on its "not supported yet" answer, which must still be a 400 problem.
 */
class CamundaClientMessageTest extends CamundaApiTestSupport {

  @Test
  void shouldPublishAMessage() {
    PublishMessageResponse response = unlessUnsupported(() -> client.newPublishMessageCommand()
        .messageName("parcel-arrived").correlationKey("P-1").timeToLive(Duration.ofMinutes(1))
        .variables(Map.of("dock", 4)).send().join());

    assertThat(response.getMessageKey()).isPositive();
  }

  @Test
  void shouldAnswerNotFoundWhenNobodyWaitsForACorrelatedMessage() {
    ProblemException problem = problemFrom(() -> client.newCorrelateMessageCommand().messageName("nobody-waits")
        .correlationKey("P-404").send().join());

    assumeFalse(isUnsupported(problem), problem.details().getDetail());
    assertThat(problem.code()).isEqualTo(404);
  }

  @Test
  void shouldBroadcastASignal() {
    BroadcastSignalResponse response = unlessUnsupported(() -> client.newBroadcastSignalCommand()
        .signalName("network-outage").send().join());

    assertThat(response.getKey()).isPositive();
  }

  private static <T> T unlessUnsupported(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (CompletionException | ProblemException e) {
      ProblemException problem = (ProblemException) (e instanceof ProblemException ? e : e.getCause());
      assumeFalse(isUnsupported(problem), problem.details().getDetail());
      throw e;
    }
  }

  private static boolean isUnsupported(ProblemException problem) {
    return problem.code() == 400 && problem.details().getDetail().contains("not supported yet");
  }
}
