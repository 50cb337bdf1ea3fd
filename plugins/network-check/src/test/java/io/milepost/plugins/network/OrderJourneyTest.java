package io.milepost.plugins.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.plugin.api.StepResult;
import io.milepost.plugin.testkit.DemoNetwork;
import io.milepost.plugin.testkit.StepResults;
import io.milepost.plugin.testkit.TestInventory;
import io.milepost.plugin.testkit.TestStepContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Orders through the real handlers of all plugins in the order order-fulfillment.bpmn runs them, with the
 * inputs its mappings give each task (siteId from the allocation's outputs, allocationScope, stepTime) and what its
 * business rule tasks decide with the decision tables in bpmn/.
 * It shows the variable contract holds between the steps: each step finds what the previous ones wrote.
 */
class OrderJourneyTest {

  static final String STEP_TIME = "2025-11-26T09:00:00-08:00";

  /** What happened to an order: the steps it passed, where, and the variables at the end. */
  record Journey(List<String> steps, Map<String, Object> variables) {}

  /** Part of the demo network's starting stock, shared by the steps of a journey as the host's is. */
  private final TestInventory stock = new TestInventory()
      .onHand("fc-west-1", "BK-1001", 120).onHand("fc-west-1", "MG-4001", 40).onHand("fc-west-1", "GM-6001", 25)
      .onHand("nfc-east-1", "TV-7001", 9);

  private Journey fulfil(String orderJson) throws Exception {
    Map<String, Object> variables = new LinkedHashMap<>(TestStepContext.at("rc-west-1").variablesFromJson(orderJson).build().variables());
    List<String> steps = new ArrayList<>();
    @SuppressWarnings("unchecked")
    String region = (String) ((Map<String, Object>) variables.get("order")).get("customerRegion");
    String receiveCenter = "east".equals(region) ? "rc-east-1" : "rc-west-1";
    // business rule task Task_DecideFulfillmentType (items = order.items)
    variables.put("fulfillmentType", NetworkDecisions.evaluate("fulfillment-type.dmn", "fulfillment-type",
        Map.of("items", ((Map<?, ?>) variables.get("order")).get("items"))));

    StepResult allocated = run("fulfillment.allocate", receiveCenter, variables, Map.of("allocationScope", "REGION"), steps);
    if (allocated instanceof StepResult.Error error && error.code().equals("OUT_OF_STOCK")) {
      steps.add("OUT_OF_STOCK caught");
      allocated = run("fulfillment.allocate", receiveCenter, variables, Map.of("allocationScope", "NETWORK"), steps);
    }
    variables.putAll(StepResults.completed(allocated));
    String fc = (String) variables.get("fulfillmentSiteId");
    for (String step : List.of("fulfillment.pick", "fulfillment.pack")) {
      variables.putAll(StepResults.completed(run(step, fc, variables, Map.of(), steps)));
    }
    // business rule task Task_DecideSlamRules
    @SuppressWarnings("unchecked")
    Map<String, Object> parcel = (Map<String, Object>) variables.get("package");
    variables.put("slamRules", NetworkDecisionTablesTest.slamRules((String) variables.get("fulfillmentType"), parcel));
    variables.putAll(StepResults.completed(run("fulfillment.slam", fc, variables, Map.of(), steps)));
    if (Boolean.TRUE.equals(variables.get("weightMismatch"))) {
      steps.add("user task: problem-solve");
    }
    variables.putAll(StepResults.completed(run("fulfillment.sort", (String) variables.get("sortCenterSiteId"), variables, Map.of("stepTime", STEP_TIME), steps)));
    variables.putAll(StepResults.completed(run("fulfillment.deliver", (String) variables.get("deliveryStationSiteId"), variables, Map.of("stepTime", STEP_TIME), steps)));
    return new Journey(steps, variables);
  }

  private StepResult run(String jobType, String siteId, Map<String, Object> variables, Map<String, Object> inputs, List<String> steps)
      throws Exception {
    var site = DemoNetwork.site(siteId);
    steps.add(jobType + "@" + siteId);
    var context = TestStepContext.at(site).variables(variables).variables(inputs).variable("siteId", siteId).inventory(stock).build();
    return NetworkHandlers.forSite(jobType, site).handle(context);
  }

  @Test
  void shouldRunAnOrdinaryOrderToTheDoorWithoutAUserTask() throws Exception {
    var journey = fulfil("""
        {"order": {"orderId": "o-1001", "customerRegion": "west", "destinationPostalCode": "94607", "items": [
          {"sku": "BK-1001", "quantity": 2, "weightKg": 0.4, "lengthCm": 20, "widthCm": 13, "heightCm": 3},
          {"sku": "MG-4001", "quantity": 1, "weightKg": 0.35, "lengthCm": 12, "widthCm": 9, "heightCm": 10, "category": "fragile"}]}}""");

    assertThat(journey.steps()).containsExactly(
        "fulfillment.allocate@rc-west-1", "fulfillment.pick@fc-west-1", "fulfillment.pack@fc-west-1",
        "fulfillment.slam@fc-west-1", "fulfillment.sort@sc-west-1", "fulfillment.deliver@ds-west-1");
    assertThat(journey.variables()).containsEntry("fulfillmentType", "SORTABLE").containsEntry("weightMismatch", false);
    assertThat(journey.variables().get("delivery").toString()).contains("routeCode=OAK-01", "wave=W2");
    assertThat(stock.position("fc-west-1", "BK-1001").onHand()).isEqualTo(118);
    assertThat(stock.movements()).containsExactly("RESERVED fc-west-1 BK-1001 2 o-1001", "RESERVED fc-west-1 MG-4001 1 o-1001",
        "SHIPPED fc-west-1 BK-1001 2 o-1001", "SHIPPED fc-west-1 MG-4001 1 o-1001");
  }

  @Test
  void shouldReallocateAcrossRegionsAfterOutOfStockInTheCustomersRegion() throws Exception {
    var journey = fulfil("""
        {"order": {"orderId": "o-1002", "customerRegion": "east", "destinationPostalCode": "11201", "items": [
          {"sku": "GM-6001", "quantity": 1, "weightKg": 1.6, "lengthCm": 40, "widthCm": 27, "heightCm": 8}]}}""");

    assertThat(journey.steps()).containsSubsequence(
        "fulfillment.allocate@rc-east-1", "OUT_OF_STOCK caught", "fulfillment.allocate@rc-east-1",
        "fulfillment.pick@fc-west-1", "fulfillment.sort@sc-east-1", "fulfillment.deliver@ds-east-1");
  }

  @Test
  void shouldTakeABulkyOrderThroughTheBulkyFc() throws Exception {
    var journey = fulfil("""
        {"order": {"orderId": "o-1003", "customerRegion": "east", "destinationPostalCode": "11215", "items": [
          {"sku": "TV-7001", "quantity": 1, "weightKg": 25, "lengthCm": 150, "widthCm": 90, "heightCm": 15}]}}""");

    assertThat(journey.steps()).contains("fulfillment.pick@nfc-east-1", "fulfillment.slam@nfc-east-1");
    assertThat(journey.variables()).containsEntry("bulky", true).containsEntry("weightMismatch", false);
  }

  @Test
  void shouldSendAnUnderDeclaredItemToProblemSolve() throws Exception {
    var journey = fulfil("""
        {"order": {"orderId": "o-1004", "customerRegion": "west", "destinationPostalCode": "94110", "items": [
          {"sku": "GM-6001", "quantity": 1, "weightKg": 0.9, "lengthCm": 40, "widthCm": 27, "heightCm": 8}]}}""");

    assertThat(journey.steps()).contains("user task: problem-solve");
  }
}
