package io.milepost.plugins.receivecenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milepost.plugin.api.StockPosition;
import io.milepost.plugin.testkit.StepResults;
import io.milepost.plugin.testkit.TestInventory;
import io.milepost.plugin.testkit.TestStepContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboundTest {

  /** A shipment and the fulfillment type the decision table fulfillment-type gave its SKU. */
  static String shipment(String sku, int expected, double weightKg, int l, int w, int h, String category, String type) {
    return """
        {"shipment": {"shipmentId": "s-77", "vendor": "Acme", "sku": "%s", "expectedQuantity": %d, "unitWeightKg": %s,
          "lengthCm": %d, "widthCm": %d, "heightCm": %d, "category": %s}, "fulfillmentType": "%s"}"""
        .formatted(sku, expected, weightKg, l, w, h, category == null ? "null" : "\"" + category + "\"", type);
  }

  static final String BOOKS = shipment("BK-1001", 250, 0.4, 20, 13, 3, null, "SORTABLE");

  @Test
  @SuppressWarnings("unchecked")
  void shouldAcceptAFullCleanCount() {
    var context = TestStepContext.at("rc-west-1").variablesFromJson(BOOKS).variable("receivedQuantity", 250).build();

    var receipt = (Map<String, Object>) StepResults.completed(new ReceiveHandler().handle(context)).get("receipt");

    assertThat(receipt).containsEntry("acceptedQuantity", 250).containsEntry("disposition", "ACCEPTED").containsEntry("chargebackUnits", 0);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldChargeBackDamagedAndShortShippedUnits() {
    var context = TestStepContext.at("rc-west-1").variablesFromJson(BOOKS)
        .variable("receivedQuantity", 240).variable("damagedQuantity", 3).variable("inspectionPassed", true).build();

    var receipt = (Map<String, Object>) StepResults.completed(new ReceiveHandler().handle(context)).get("receipt");

    assertThat(receipt)
        .containsEntry("acceptedQuantity", 237)
        .containsEntry("varianceUnits", -10)
        .containsEntry("chargebackUnits", 13)
        .containsEntry("disposition", "ACCEPTED_WITH_DISCREPANCY");
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldRejectTheWholeShipmentWhenInspectionFails() {
    var context = TestStepContext.at("rc-west-1").variablesFromJson(BOOKS)
        .variable("receivedQuantity", 250).variable("inspectionPassed", false).build();

    var receipt = (Map<String, Object>) StepResults.completed(new ReceiveHandler().handle(context)).get("receipt");

    assertThat(receipt).containsEntry("acceptedQuantity", 0).containsEntry("disposition", "REJECTED");
  }

  @Test
  void shouldRefuseMoreDamagedUnitsThanReceived() {
    var context = TestStepContext.at("rc-west-1").variablesFromJson(BOOKS)
        .variable("receivedQuantity", 2).variable("damagedQuantity", 3).build();

    assertThatThrownBy(() -> new ReceiveHandler().handle(context)).hasMessageContaining("3 damaged of 2 received");
  }

  @Test
  void shouldSplitAcceptedUnitsByRegionalDemand() {
    // books: west 60, east 40 units a week
    assertThat(plan(BOOKS, 250, "rc-west-1")).containsExactly(
        Map.of("destinationSiteId", "fc-west-1", "sku", "BK-1001", "quantity", 150),
        Map.of("destinationSiteId", "fc-east-1", "sku", "BK-1001", "quantity", 100));
  }

  @Test
  void shouldSendTheShareOfARegionWithoutSuchABuildingToTheNearestOne() {
    // lithium batteries are hazmat; only the west has a specialty building
    assertThat(plan(shipment("LB-8001", 100, 0.5, 15, 8, 3, "hazmat", "SPECIALTY"), 100, "rc-east-1"))
        .containsExactly(Map.of("destinationSiteId", "sp-west-1", "sku", "LB-8001", "quantity", 100));
  }

  @Test
  void shouldSendEverythingToTheNearestBuildingWhenNoDemandIsOnRecord() {
    assertThat(plan(shipment("KB-6002", 30, 0.9, 45, 15, 4, null, "SORTABLE"), 30, "rc-east-1"))
        .containsExactly(Map.of("destinationSiteId", "fc-east-1", "sku", "KB-6002", "quantity", 30));
  }

  @Test
  void shouldKeepTheSplitExactWithLargestRemainders() {
    // cables: west 90, east 110 -> 7 units are 3.15 / 3.85 -> 3 + 4
    List<Map<String, Object>> plan = plan(shipment("HD-2001", 7, 0.1, 15, 10, 2, null, "SORTABLE"), 7, "rc-west-1");

    assertThat(plan).extracting(line -> line.get("quantity")).containsExactly(4, 3);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldLoadBulkyTransfersOntoPalletsAndTrailers() {
    // given 200 TVs of 202.5 l: 7 fit the 1.44 m³ a pallet holds -> 29 pallets -> 2 trailers
    var stock = new TestInventory();
    stock.addInTransit("nfc-east-1", "TV-7001", 200, "s-77");
    var context = TestStepContext.at("rc-east-1").variablesFromJson(shipment("TV-7001", 200, 25, 150, 90, 15, null, "BULKY"))
        .variable("transfer", Map.of("destinationSiteId", "nfc-east-1", "sku", "TV-7001", "quantity", 200))
        .inventory(stock).build();

    var result = (Map<String, Object>) StepResults.completed(new TransferHandler().handle(context)).get("transferResult");

    assertThat(result)
        .containsEntry("transferId", "s-77-nfc-east-1")
        .containsEntry("unitsPerPallet", 7)
        .containsEntry("pallets", 29)
        .containsEntry("trailers", 2)
        .containsEntry("transitHours", 4);
    assertThat(stock.position("nfc-east-1", "TV-7001")).isEqualTo(new StockPosition("nfc-east-1", "TV-7001", 200, 0, 0));
  }

  @Test
  void shouldBookTheAcceptedUnitsAsInTransitToTheirDestinations() {
    var stock = new TestInventory();
    var context = TestStepContext.at("rc-west-1").variablesFromJson(BOOKS)
        .variable("receipt", Map.of("acceptedQuantity", 250)).inventory(stock).build();

    StepResults.completed(new AllocateHandler().handle(context));

    assertThat(stock.position("fc-west-1", "BK-1001").inTransit()).isEqualTo(150);
    assertThat(stock.position("fc-east-1", "BK-1001").inTransit()).isEqualTo(100);
    assertThat(stock.movements()).containsExactly("IN_TRANSIT fc-west-1 BK-1001 150 s-77", "IN_TRANSIT fc-east-1 BK-1001 100 s-77");
  }

  @Test
  void shouldSendABulkySkuOnlyToNonSortableFcs() {
    assertThat(plan(shipment("SF-9001", 10, 40, 200, 90, 80, null, "BULKY"), 10, "rc-west-1"))
        .extracting(line -> line.get("destinationSiteId")).containsOnly("nfc-west-1");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> plan(String shipmentJson, int accepted, String receiveCenter) {
    var context = TestStepContext.at(receiveCenter).variablesFromJson(shipmentJson)
        .variable("receipt", Map.of("acceptedQuantity", accepted)).build();
    return (List<Map<String, Object>>) StepResults.completed(new AllocateHandler().handle(context)).get("transferPlan");
  }
}
