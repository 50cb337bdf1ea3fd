package io.milepost.host.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.api.command.ProblemException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server checks a task form's required fields when the task is completed through the Camunda 8 API, not
 * only the browser: a missing one is a 400 that names it, and the task stays open.
 */
class RequiredFormFieldsTest extends WebTestSupport {

  @Test
  void shouldRefuseToCompleteATaskWithoutItsRequiredFields() {
    String orderId = uniqueOrderId("o-required");
    long instanceKey = startUnderDeclaredOrder(orderId);
    eventually("the problem-solve task of " + orderId, () -> openTask(instanceKey).size() == 1);
    long taskKey = openTask(instanceKey).getFirst().getUserTaskKey();

    ProblemException refused = catchThrowableOfType(ProblemException.class, () -> client
        .newCompleteUserTaskCommand(taskKey).variables(Map.of("problemResolution", "REPACKED")).send().join());

    assertThat(refused.code()).isEqualTo(400);
    assertThat(refused.details().getDetail()).contains("form 'problem-solve-weight'",
        "'Weight on the scale now (kg)' (correctedWeightKg)").doesNotContain("problemResolution");
    assertThat(openTask(instanceKey)).hasSize(1);

    client.newCompleteUserTaskCommand(taskKey)
        .variables(Map.of("problemResolution", "REPACKED", "correctedWeightKg", 1.6)).send().join();
    assertThat(openTask(instanceKey)).isEmpty();
  }
}
