package io.milepost.host.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.BrokerInfo;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.response.PublishMessageResponse;
import io.camunda.client.api.response.Topology;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status.Code;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Process, message and signal commands over gRPC, and how the gateway maps the engine's rejections. */
class GrpcCommandTest extends GrpcGatewayTestSupport {

  @Test
  void shouldAnswerTheTopologyWithThePortTheClientReached() {
    Topology topology = client.newTopologyRequest().send().join();

    BrokerInfo broker = topology.getBrokers().getFirst();
    assertThat(broker.getPort()).isEqualTo(grpcServer.port());
    assertThat(broker.getHost()).isEqualTo("localhost");
    assertThat(broker.getPartitions()).isNotEmpty().allSatisfy(partition -> assertThat(partition.isLeader()).isTrue());
    assertThat(topology.getClusterSize()).isEqualTo(1);
  }

  @Test
  void shouldDeployAProcess() {
    String processId = unique("deploy");

    DeploymentEvent deployment = deploy(oneTask(processId, unique("type")), processId);

    assertThat(deployment.getKey()).isPositive();
    assertThat(deployment.getProcesses()).singleElement().satisfies(process -> {
      assertThat(process.getBpmnProcessId()).isEqualTo(processId);
      assertThat(process.getVersion()).isEqualTo(1);
      assertThat(process.getProcessDefinitionKey()).isPositive();
      assertThat(process.getResourceName()).isEqualTo(processId + ".bpmn");
    });
  }

  @Test
  void shouldRefuseAnInvalidModelWithEveryProblem() {
    ClientStatusException status = statusFrom(() -> client.newDeployResourceCommand()
        .addResourceStringUtf8("<definitions>not bpmn", "broken.bpmn").send().join());

    assertThat(status.getStatusCode()).isEqualTo(Code.INVALID_ARGUMENT);
    assertThat(status.getMessage()).contains("broken.bpmn");
  }

  @Test
  void shouldCreateAnInstanceAndAwaitItsResult() {
    String processId = unique("straight");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().endEvent().done(), processId);

    ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("parcel", "P-1", "weight", 2.5)).withResult().send().join();

    assertThat(result.getBpmnProcessId()).isEqualTo(processId);
    assertThat(result.getProcessInstanceKey()).isPositive();
    assertThat(result.getVariablesAsMap()).containsEntry("parcel", "P-1").containsEntry("weight", 2.5);
  }

  @Test
  void shouldAnswerDeadlineExceededWhenTheInstanceDoesNotEndInTime() {
    String processId = unique("waits");
    deploy(oneTask(processId, unique("nobody-works-this")), processId);

    ClientStatusException status = statusFrom(() -> client.newCreateInstanceCommand().bpmnProcessId(processId)
        .latestVersion().withResult().requestTimeout(Duration.ofMillis(300)).send().join());

    assertThat(status.getStatusCode()).isEqualTo(Code.DEADLINE_EXCEEDED);
  }

  @Test
  void shouldAnswerNotFoundWithTheEnginesMessageForAnUnknownProcess() {
    String processId = unique("never-deployed");

    ClientStatusException status = statusFrom(() -> client.newCreateInstanceCommand().bpmnProcessId(processId)
        .latestVersion().send().join());

    assertThat(status.getStatusCode()).isEqualTo(Code.NOT_FOUND);
    assertThat(status.getMessage()).startsWith("Expected").contains(processId);
  }

  @Test
  void shouldRefuseVariablesThatAreNotAnObject() {
    String processId = unique("variables");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().endEvent().done(), processId);

    ClientStatusException status = statusFrom(() -> client.newCreateInstanceCommand().bpmnProcessId(processId)
        .latestVersion().variables("[1, 2]").send().join());

    assertThat(status.getStatusCode()).isEqualTo(Code.INVALID_ARGUMENT);
    assertThat(status.getMessage()).isEqualTo("Expected 'variables' to be a JSON object, but found array: [1,2]");
  }

  @Test
  void shouldSetVariablesAndCancelAnInstance() {
    String processId = unique("cancel");
    deploy(oneTask(processId, unique("nobody-works-this")), processId);
    ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .send().join();

    client.newSetVariablesCommand(instance.getProcessInstanceKey()).variables(Map.of("dock", 7)).send().join();
    client.newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join();

    assertThat(client.newVariableSearchRequest()
        .filter(filter -> filter.processInstanceKey(instance.getProcessInstanceKey()).name("dock")).send().join()
        .items()).singleElement().satisfies(variable -> assertThat(variable.getValue()).isEqualTo("7"));
    assertThat(client.newProcessInstanceGetRequest(instance.getProcessInstanceKey()).send().join().getState())
        .isEqualTo(ProcessInstanceState.TERMINATED);
    ClientStatusException again = statusFrom(() -> client.newCancelInstanceCommand(instance.getProcessInstanceKey())
        .send().join());
    assertThat(again.getStatusCode()).isIn(Code.NOT_FOUND, Code.FAILED_PRECONDITION);
  }

  @Test
  void shouldPublishAMessageAndRefuseALiveDuplicateId() {
    String messageId = unique("message");

    PublishMessageResponse published = client.newPublishMessageCommand().messageName("parcel-arrived")
        .correlationKey("P-7").messageId(messageId).timeToLive(Duration.ofMinutes(1))
        .variables(Map.of("dock", 4)).send().join();
    ClientStatusException duplicate = statusFrom(() -> client.newPublishMessageCommand().messageName("parcel-arrived")
        .correlationKey("P-7").messageId(messageId).timeToLive(Duration.ofMinutes(1)).send().join());

    assertThat(published.getMessageKey()).isPositive();
    assertThat(published.getTenantId()).isEqualTo("<default>");
    assertThat(duplicate.getStatusCode()).isEqualTo(Code.ALREADY_EXISTS);
    assertThat(duplicate.getMessage()).contains(messageId);
  }

  @Test
  void shouldCorrelateAPublishedMessageToAWaitingInstance() {
    String processId = unique("await-message");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .intermediateCatchEvent("arrived", event -> event.message(message -> message.name("truck-arrived")
            .zeebeCorrelationKeyExpression("truck")))
        .endEvent().done(), processId);
    ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("truck", processId)).send().join();

    client.newPublishMessageCommand().messageName("truck-arrived").correlationKey(processId)
        .variables(Map.of("door", 3)).send().join();

    await("the instance to complete on the message", () -> client.newProcessInstanceGetRequest(
        instance.getProcessInstanceKey()).send().join().getState() == ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldBroadcastASignalOrSayItIsNotSupportedYet() {
    try {
      assertThat(client.newBroadcastSignalCommand().signalName("network-outage").send().join().getKey()).isPositive();
    } catch (ClientStatusException status) {
      assumeFalse(status.getStatusCode() == Code.INVALID_ARGUMENT && status.getMessage().contains("not supported yet"),
          status.getMessage());
      throw status;
    }
  }

  @Test
  void shouldRefuseAnotherTenant() {
    ClientStatusException status = statusFrom(() -> client.newPublishMessageCommand().messageName("m")
        .correlationKey("k").tenantId("west").send().join());

    assertThat(status.getStatusCode()).isEqualTo(Code.INVALID_ARGUMENT);
    assertThat(status.getMessage()).isEqualTo("Expected tenant '<default>' (multi-tenancy is off), but found 'west'");
  }
}
