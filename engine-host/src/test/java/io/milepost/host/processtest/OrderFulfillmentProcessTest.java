package io.milepost.host.processtest;

import static io.camunda.process.test.api.CamundaAssert.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaProcessTestExtension;
import io.camunda.process.test.api.CamundaProcessTestRuntimeMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A sample Camunda Process Test of the network's order-fulfillment process, run the way a Camunda user runs theirs
 * against Milepost: Camunda Process Test in its remote mode, pointed at a running engine-host (no Docker). The
 * steps' workers are mocked; the clock is moved to fire the ship-by timer; every test starts on an empty engine
 * (the extension purges it after each test).
 *
 * <p>Against your own Milepost started with {@code milepost.testing.enabled=true}, the same extension needs only
 * its address: {@code .withRuntimeMode(REMOTE)}, a client builder with {@code restAddress(http://localhost:8080)},
 * and {@code .withRemoteCamundaMonitoringApiAddress(http://localhost:8080)} (Milepost serves the clock and the purge
 * on its API port). {@code withMultiTenancyEnabled(true)} makes the extension send the {@code demo:demo}
 * credentials to the clock and purge endpoints; in remote mode it changes nothing else.
 */
class OrderFulfillmentProcessTest {

  private static final RunningMilepost MILEPOST = RunningMilepost.shared();

  @RegisterExtension
  static final CamundaProcessTestExtension EXTENSION = new CamundaProcessTestExtension()
      .withRuntimeMode(CamundaProcessTestRuntimeMode.REMOTE)
      .withRemoteCamundaClientBuilderFactory(MILEPOST::clientBuilder)
      .withRemoteCamundaMonitoringApiAddress(MILEPOST.address())
      .withMultiTenancyEnabled(true);

  private static final Path MODELS = Path.of("..", "bpmn");

  /** An order of one book to the west region, as the README's first order. */
  private static final Map<String, Object> ORDER = Map.of("order", Map.of("orderId", "o-1001",
      "customerRegion", "west", "destinationPostalCode", "94607",
      "items", List.of(Map.of("sku", "BK-1001", "quantity", 2, "weightKg", 0.4, "lengthCm", 20, "widthCm", 13,
          "heightCm", 3))));

  private static final Map<String, Object> ALLOCATED_TO_SORTABLE_FC = Map.of("fulfillmentSiteId", "fc-west-1",
      "fulfillmentType", "SORTABLE", "bulky", false, "sortCenterSiteId", "sc-west-1",
      "deliveryStationSiteId", "ds-west-1");

  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;

  @BeforeEach
  void deployTheNetworksModels() {
    client.newDeployResourceCommand()
        .addResourceFile(MODELS.resolve("problem-solve-weight.form").toString())
        .addResourceFile(MODELS.resolve("late-order.form").toString())
        .addResourceFile(MODELS.resolve("order-fulfillment.bpmn").toString())
        .send().join();
  }

  @Test
  void shouldShipAnOrderWhoseWeightMismatchAnAssociateResolved() {
    processTestContext.mockJobWorker("fulfillment.allocate").thenComplete(ALLOCATED_TO_SORTABLE_FC);
    processTestContext.mockJobWorker("fulfillment.pick").thenComplete();
    processTestContext.mockJobWorker("fulfillment.pack").thenComplete(Map.of("package", Map.of("boxId", "A3")));
    processTestContext.mockJobWorker("fulfillment.slam").thenComplete(Map.of("weightMismatch", true));
    processTestContext.mockJobWorker("fulfillment.sort").thenComplete();
    processTestContext.mockJobWorker("fulfillment.deliver").thenComplete();

    ProcessInstanceEvent order = start();

    assertThat(order).hasActiveElements("UserTask_ProblemSolveWeight");
    // the form's required fields: the host checks them on completion
    processTestContext.completeUserTask("UserTask_ProblemSolveWeight",
        Map.of("problemResolution", "REPACKED", "correctedWeightKg", 0.8));

    assertThat(order)
        .isCompleted()
        .hasCompletedElementsInOrder("Task_AllocateInRegion", "Task_PickSortable", "Task_PackSortable", "Task_Slam",
            "UserTask_ProblemSolveWeight", "Task_Sort", "Task_Deliver", "EndEvent_OrderDelivered")
        .hasNotActivatedElements("Task_PickBulky", "Task_PickSpecialty", "UserTask_ExpediteLateOrder")
        .hasVariable("problemResolution", "REPACKED");
  }

  @Test
  void shouldAskTheShiftLeadToExpediteAnOrderNotPackedByItsShipByTime() {
    processTestContext.mockJobWorker("fulfillment.allocate").thenComplete(ALLOCATED_TO_SORTABLE_FC);
    ProcessInstanceEvent order = start();
    assertThat(order).hasActiveElements("Task_PickSortable");

    processTestContext.increaseTime(Duration.ofHours(5));

    assertThat(order).hasActiveElements("Task_PickSortable", "UserTask_ExpediteLateOrder");
    processTestContext.completeUserTask("UserTask_ExpediteLateOrder", Map.of("expediteAction", "PRIORITIZE"));
    assertThat(order)
        .isActive()
        .hasCompletedElements("Boundary_ShipByTime", "UserTask_ExpediteLateOrder", "EndEvent_LateOrderHandled");
  }

  @Test
  void shouldBackorderAnOrderOutOfStockEverywhere() {
    processTestContext.mockJobWorker("fulfillment.allocate").thenThrowBpmnError("OUT_OF_STOCK");

    ProcessInstanceEvent order = start();

    assertThat(order)
        .isCompleted()
        .hasCompletedElements("Boundary_OutOfStockInRegion", "Boundary_OutOfStockEverywhere", "EndEvent_Backordered")
        .hasTerminatedElements("Task_AllocateInRegion", "Task_AllocateNetwork");
  }

  private ProcessInstanceEvent start() {
    return client.newCreateInstanceCommand().bpmnProcessId("order-fulfillment").latestVersion()
        .variables(ORDER).send().join();
  }
}
