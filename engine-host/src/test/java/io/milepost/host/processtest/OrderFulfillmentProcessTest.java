package io.milepost.host.processtest;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaProcessTestExtension;
import io.camunda.process.test.api.CamundaProcessTestRuntimeMode;
import io.camunda.process.test.api.assertions.ElementSelectors;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A sample Camunda Process Test of the network's order-fulfillment process, run the way a Camunda user runs theirs
 * against Milepost: Camunda Process Test in its remote mode, pointed at a running engine-host (no Docker). The
 * steps' workers are mocked, the network's decision tables are deployed and evaluated by the engine, the
 * last mile is a mocked child process; the clock is moved to fire the ship-by timer; every test starts on an
 * empty engine (the extension purges it after each test). Each of the process's outcomes is driven through the
 * model here: problem solve (weight and packing), cancellation, backorder, the late-order task.
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

  /** What the allocation writes (the fulfillment type is the decision table's, before it). */
  private static final Map<String, Object> ALLOCATED_TO_SORTABLE_FC = Map.of("fulfillmentSiteId", "fc-west-1",
      "bulky", false, "sortCenterSiteId", "sc-west-1", "deliveryStationSiteId", "ds-west-1");

  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;

  /** The variables each job of a type was activated with, in order: what the model handed the step. */
  private final Map<String, List<Map<String, Object>>> jobsSeen = new ConcurrentHashMap<>();

  @BeforeEach
  void deployTheNetworksModels() {
    var deploy = client.newDeployResourceCommand()
        .addResourceFile(MODELS.resolve("problem-solve-weight.form").toString());
    for (String resource : List.of("problem-solve-packing.form", "late-order.form", "fulfillment-type.dmn",
        "late-order-threshold.dmn", "slam-weight-tolerance.dmn", "order-fulfillment.bpmn")) {
      deploy = deploy.addResourceFile(MODELS.resolve(resource).toString());
    }
    deploy.send().join();
    processTestContext.mockChildProcess("last-mile-delivery", Map.of("deliveryOutcome", "DELIVERED",
        "deliveryAttempts", 1, "deliveryNote", "HANDED_TO_RECIPIENT"));
  }

  /** A mocked step that completes with {@code variables} and keeps what it was given. */
  private void mockStep(String jobType, Map<String, Object> variables) {
    processTestContext.mockJobWorker(jobType).withHandler((jobClient, job) -> {
      jobsSeen.computeIfAbsent(jobType, type -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(job.getVariablesAsMap());
      jobClient.newCompleteCommand(job).variables(variables).send().join();
    });
  }

  /** Allocation, pick and pack as at a sortable FC; SLAM reports a mismatch the first time only. */
  private void mockStepsUpToAWeightMismatch() {
    mockStep("fulfillment.allocate", ALLOCATED_TO_SORTABLE_FC);
    mockStep("fulfillment.pick", Map.of());
    mockStep("fulfillment.pack", Map.of("package", Map.of("boxCode", "A3", "declaredWeightKg", 0.95)));
    AtomicInteger weighings = new AtomicInteger();
    processTestContext.mockJobWorker("fulfillment.slam").withHandler((jobClient, job) -> {
      jobsSeen.computeIfAbsent("fulfillment.slam", type -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(job.getVariablesAsMap());
      jobClient.newCompleteCommand(job).variables(Map.of("weightMismatch", weighings.incrementAndGet() == 1)).send().join();
    });
    mockStep("fulfillment.sort", Map.of());
    mockStep("fulfillment.deliver", Map.of());
    mockStep("fulfillment.release", Map.of("release", Map.of("released", false)));
  }

  @Test
  void shouldShipAnOrderWhoseWeightMismatchAnAssociateResolved() {
    mockStepsUpToAWeightMismatch();

    ProcessInstanceEvent order = start();

    assertThat(order).hasActiveElements("UserTask_ProblemSolveWeight");
    // the form's required fields: the host checks them on completion
    processTestContext.completeUserTask("UserTask_ProblemSolveWeight",
        Map.of("problemResolution", "REPACKED", "correctedWeightKg", 0.8));

    assertThat(order)
        .isCompleted()
        .hasCompletedElementsInOrder("Task_DecideFulfillmentType", "Task_AllocateInRegion", "Task_DecideLateOrderThreshold",
            "Task_PickSortable", "Task_PackSortable", "Task_DecideSlamRules", "Task_Slam", "UserTask_ProblemSolveWeight",
            "Task_Reslam", "EndEvent_ReadyToShip", "Task_Sort", "Task_Deliver", "CallActivity_LastMile",
            "EndEvent_OrderDelivered")
        .hasNotActivatedElements("Task_PickBulky", "Task_PickSpecialty", "UserTask_ExpediteLateOrder")
        .hasVariable("problemResolution", "REPACKED")
        .hasVariable("deliveryOutcome", "DELIVERED");
    // repacked and checked: SLAM again with the weight on the scale, which the package ships with
    assertThat(jobsSeen.get("fulfillment.slam").get(1)).containsEntry("scaleWeightKg", 0.8).containsEntry("verifiedWeightKg", 0.8);
  }

  @Test
  void shouldSendACorrectedWeightBackThroughSlamSoThePackageShipsWithIt() {
    mockStepsUpToAWeightMismatch();
    ProcessInstanceEvent order = start();
    assertThat(order).hasActiveElements("UserTask_ProblemSolveWeight");

    processTestContext.completeUserTask("UserTask_ProblemSolveWeight",
        Map.of("problemResolution", "WEIGHT_CORRECTED", "correctedWeightKg", 1.62));

    assertThat(order).isCompleted().hasCompletedElements("Task_Reslam", "CallActivity_LastMile");
    // the SLAM step weighs the corrected weight against itself: the label carries the measured weight
    assertThat(jobsSeen.get("fulfillment.slam")).hasSize(2);
    assertThat(jobsSeen.get("fulfillment.slam").get(1)).containsEntry("scaleWeightKg", 1.62)
        .containsEntry("verifiedWeightKg", 1.62).containsEntry("siteId", "fc-west-1");
  }

  @Test
  void shouldPickADamagedItemAgain() {
    mockStepsUpToAWeightMismatch();
    ProcessInstanceEvent order = start();
    assertThat(order).hasActiveElements("UserTask_ProblemSolveWeight");

    processTestContext.completeUserTask("UserTask_ProblemSolveWeight",
        Map.of("problemResolution", "DAMAGED_REPICK", "correctedWeightKg", 0.0));

    assertThat(order).isCompleted()
        .hasCompletedElement(ElementSelectors.byId("Task_PickSortable"), 2)
        .hasCompletedElement(ElementSelectors.byId("Task_PackSortable"), 2)
        .hasCompletedElement(ElementSelectors.byId("Task_Slam"), 2)
        .hasNotActivatedElements("Task_Reslam", "Task_ReleaseCancelled");
  }

  @Test
  void shouldCancelAnOrderWithADamagedItemWithItsReasonAndReleaseWhatItHolds() {
    mockStepsUpToAWeightMismatch();
    ProcessInstanceEvent order = start();
    assertThat(order).hasActiveElements("UserTask_ProblemSolveWeight");

    processTestContext.completeUserTask("UserTask_ProblemSolveWeight",
        Map.of("problemResolution", "DAMAGED_CANCEL", "correctedWeightKg", 0.0,
            "cancellationReason", "last unit damaged, none in stock"));

    assertThat(order).isCompleted()
        .hasCompletedElements("Boundary_CancelledAtSite", "Task_ReleaseCancelled", "EndEvent_OrderCancelled")
        .hasNotActivatedElements("Task_Sort", "CallActivity_LastMile");
    assertThat(jobsSeen.get("fulfillment.release")).singleElement().satisfies(job -> assertThat(job)
        .containsEntry("cancellationReason", "last unit damaged, none in stock").containsEntry("siteId", "rc-west-1"));
  }

  @Test
  void shouldSendAnOrderNoBoxFitsToPackingProblemSolveAtTheSiteAndShipWhatTheAssociatePacked() {
    mockStep("fulfillment.allocate", ALLOCATED_TO_SORTABLE_FC);
    mockStep("fulfillment.pick", Map.of());
    processTestContext.mockJobWorker("fulfillment.pack").thenThrowBpmnError("NO_BOX_FITS");
    mockStep("fulfillment.slam", Map.of("weightMismatch", false));
    mockStep("fulfillment.sort", Map.of());
    mockStep("fulfillment.deliver", Map.of());
    ProcessInstanceEvent order = start();
    assertThat(order).hasActiveElements("UserTask_ProblemSolvePacking");

    processTestContext.completeUserTask("UserTask_ProblemSolvePacking", Map.of("packingResolution", "PACKED_BY_HAND",
        "packedBoxCode", "SPLIT-2", "packedLengthCm", 60, "packedWidthCm", 40, "packedHeightCm", 30,
        "packagingWeightKg", 0.5, "packedWeightKg", 1.3));

    assertThat(order).isCompleted()
        .hasCompletedElements("Boundary_NoBoxFitsSortable", "UserTask_ProblemSolvePacking", "Task_Slam", "CallActivity_LastMile");
    @SuppressWarnings("unchecked")
    Map<String, Object> parcel = (Map<String, Object>) jobsSeen.get("fulfillment.slam").getFirst().get("package");
    assertThat(parcel).containsEntry("boxCode", "SPLIT-2").containsEntry("declaredWeightKg", 1.3)
        .containsEntry("packedBy", "problem-solve");
  }

  @Test
  void shouldCancelAHazmatOrderOverTheLimitedQuantityWhenTheSiteCannotShipIt() {
    Map<String, Object> atSpecialty = new HashMap<>(ALLOCATED_TO_SORTABLE_FC);
    atSpecialty.put("fulfillmentSiteId", "sp-west-1");
    mockStep("fulfillment.allocate", atSpecialty);
    mockStep("fulfillment.pick", Map.of());
    processTestContext.mockJobWorker("fulfillment.pack").thenThrowBpmnError("HAZMAT_NOT_LIMITED_QUANTITY");
    mockStep("fulfillment.release", Map.of("release", Map.of("released", false)));
    ProcessInstanceEvent order = client.newCreateInstanceCommand().bpmnProcessId("order-fulfillment").latestVersion()
        .variables(Map.of("order", Map.of("orderId", "o-1005", "customerRegion", "west", "destinationPostalCode", "94607",
            "items", List.of(Map.of("sku", "LB-8001", "quantity", 8, "weightKg", 6, "lengthCm", 15, "widthCm", 8,
                "heightCm", 3, "category", "hazmat"))))).send().join();
    assertThat(order).hasActiveElements("UserTask_ProblemSolvePacking").hasVariable("fulfillmentType", "SPECIALTY");

    processTestContext.completeUserTask("UserTask_ProblemSolvePacking",
        Map.of("packingResolution", "CANCEL", "cancellationReason", "fully regulated hazmat: no shipping papers here"));

    assertThat(order).isCompleted()
        .hasCompletedElements("Task_PickSpecialty", "Boundary_HazmatNotLimited", "Task_ReleaseCancelled", "EndEvent_OrderCancelled")
        .hasVariable("cancellationReason", "fully regulated hazmat: no shipping papers here");
  }

  @Test
  void shouldAskTheShiftLeadToExpediteAnOrderNotPackedByItsShipByTime() {
    mockStep("fulfillment.allocate", ALLOCATED_TO_SORTABLE_FC);
    ProcessInstanceEvent order = start();
    assertThat(order).hasActiveElements("Task_PickSortable").hasVariable("lateOrderThreshold", "PT4H");

    processTestContext.increaseTime(Duration.ofHours(5));

    assertThat(order).hasActiveElements("Task_PickSortable", "UserTask_ExpediteLateOrder");
    processTestContext.completeUserTask("UserTask_ExpediteLateOrder", Map.of("expediteAction", "PRIORITIZE"));
    assertThat(order)
        .isActive()
        .hasCompletedElements("Boundary_ShipByTime", "UserTask_ExpediteLateOrder", "EndEvent_LateOrderHandled");
  }

  @Test
  void shouldWithdrawTheLateOrderTaskWhenTheOrderShipsBeforeAnyoneActsOnIt() {
    mockStep("fulfillment.allocate", ALLOCATED_TO_SORTABLE_FC);
    ProcessInstanceEvent order = start();
    assertThat(order).hasActiveElements("Task_PickSortable");
    processTestContext.increaseTime(Duration.ofHours(5));
    assertThat(order).hasActiveElements("UserTask_ExpediteLateOrder");

    // the building catches up: pick, pack and SLAM complete while the shift lead's task is still open
    mockStep("fulfillment.pick", Map.of());
    mockStep("fulfillment.pack", Map.of("package", Map.of("boxCode", "A3", "declaredWeightKg", 0.95)));
    mockStep("fulfillment.slam", Map.of("weightMismatch", false));
    mockStep("fulfillment.sort", Map.of());
    mockStep("fulfillment.deliver", Map.of());

    assertThat(order).isCompleted()
        .hasCompletedElements("EndEvent_Shipped", "CallActivity_LastMile", "EndEvent_OrderDelivered")
        .hasTerminatedElements("UserTask_ExpediteLateOrder");
  }

  @Test
  void shouldReleaseTheReservationOfAnOrderTheCustomerCancelsBeforeItShips() {
    mockStep("fulfillment.allocate", ALLOCATED_TO_SORTABLE_FC);
    mockStep("fulfillment.release", Map.of("release", Map.of("released", true)));
    ProcessInstanceEvent order = start();
    assertThat(order).hasActiveElements("Task_PickSortable");

    client.newPublishMessageCommand().messageName("order-cancelled").correlationKey("o-1001")
        .variables(Map.of("cancellationReason", "customer changed their mind")).send().join();

    assertThat(order).isCompleted()
        .hasTerminatedElements("Task_PickSortable")
        .hasCompletedElements("Boundary_OrderCancelled", "Task_ReleaseCancelled", "EndEvent_OrderCancelled");
    assertThat(jobsSeen.get("fulfillment.release")).singleElement().satisfies(job ->
        assertThat(job).containsEntry("cancellationReason", "customer changed their mind"));
  }

  @Test
  void shouldBackorderAnOrderOutOfStockEverywhereAndReleaseWhatItHolds() {
    processTestContext.mockJobWorker("fulfillment.allocate").thenThrowBpmnError("OUT_OF_STOCK");
    mockStep("fulfillment.release", Map.of("release", Map.of("released", false)));

    ProcessInstanceEvent order = start();

    assertThat(order)
        .isCompleted()
        .hasCompletedElements("Boundary_OutOfStockInRegion", "Boundary_OutOfStockEverywhere", "Task_ReleaseBackordered",
            "EndEvent_Backordered")
        .hasTerminatedElements("Task_AllocateInRegion", "Task_AllocateNetwork");
  }

  private ProcessInstanceEvent start() {
    return client.newCreateInstanceCommand().bpmnProcessId("order-fulfillment").latestVersion()
        .variables(ORDER).send().join();
  }
}
