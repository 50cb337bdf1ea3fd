package io.milepost.host.processtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clock and purge endpoints Camunda Process Test drives, on a host with {@code milepost.testing.enabled=true};
 * {@code TestingEndpointsOffTest} checks they are absent otherwise.
 */
class TestingEndpointsTest {

  private static final RunningMilepost MILEPOST = RunningMilepost.shared();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CamundaClient client;

  @BeforeEach
  void openClient() {
    client = MILEPOST.clientBuilder().build();
  }

  @AfterEach
  void resetClockAndCloseClient() {
    MILEPOST.send("DELETE", "/actuator/clock", null);
    client.close();
  }

  @Test
  void shouldMoveTheClockAndFireTheTimersThatFellDueBeforeAnswering() {
    String processId = "wait-an-hour-" + Long.toHexString(System.nanoTime());
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .intermediateCatchEvent("wait").timerWithDuration("PT1H").endEvent().done());
    long instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join()
        .getProcessInstanceKey();
    long before = json(MILEPOST.send("GET", "/actuator/clock", null)).get("epochMilli").asLong();

    JsonNode moved = json(MILEPOST.send("POST", "/actuator/clock/add", "{\"offsetMilli\": 7200000}"));

    assertThat(moved.get("epochMilli").asLong()).isGreaterThanOrEqualTo(before + 7_200_000);
    assertThat(Instant.parse(moved.get("instant").asString()).toEpochMilli())
        .isEqualTo(moved.get("epochMilli").asLong());
    assertThat(client.newProcessInstanceGetRequest(instance).send().join().getState())
        .isEqualTo(ProcessInstanceState.COMPLETED);

    JsonNode reset = json(MILEPOST.send("DELETE", "/actuator/clock", null));
    assertThat(reset.get("epochMilli").asLong()).isLessThan(before + 3_600_000);
  }

  @Test
  void shouldPurgeEveryDeploymentAndInstanceAndReportTheChangeInTheTopology() {
    String processId = "purged-" + Long.toHexString(System.nanoTime());
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent().userTask("task").zeebeUserTask()
        .endEvent().done();
    deploy(model);
    long instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join()
        .getProcessInstanceKey();

    long changeId = json(MILEPOST.send("POST", "/actuator/cluster/purge", null)).get("changeId").asLong();

    assertThat(Long.parseLong(json(MILEPOST.send("GET", "/v2/topology", null)).get("lastCompletedChangeId").asString()))
        .isGreaterThanOrEqualTo(changeId);
    assertThat(client.newProcessInstanceSearchRequest().send().join().items()).isEmpty();
    assertThat(client.newProcessDefinitionSearchRequest().send().join().items()).isEmpty();
    assertThat(client.newUserTaskSearchRequest().send().join().items()).isEmpty();
    assertThat(client.newElementInstanceSearchRequest().send().join().items()).isEmpty();
    DeploymentEvent again = deploy(model);
    assertThat(again.getProcesses().getFirst().getVersion()).as("a purged process starts again at version 1")
        .isEqualTo(1);
    assertThat(client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join()
        .getProcessInstanceKey()).as("keys are never reused").isGreaterThan(instance);
  }

  @Test
  void shouldRefuseAClockMoveWithoutAnOffset() {
    HttpResponse<String> response = MILEPOST.send("POST", "/actuator/clock/add", "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("Expected 'offsetMilli'");
  }

  private DeploymentEvent deploy(BpmnModelInstance model) {
    return client.newDeployResourceCommand().addProcessModel(model, "model.bpmn").send().join();
  }

  private static JsonNode json(HttpResponse<String> response) {
    assertThat(response.statusCode()).as("status of %s: %s", response.uri(), response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
