package io.milepost.plugins.receivecenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milepost.plugin.testkit.StepResults;
import io.milepost.plugin.testkit.TestInventory;
import io.milepost.plugin.testkit.TestStepContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocateOrderTest {

  private final AllocateHandler allocate = new AllocateHandler();

  /** An order and the fulfillment type the decision table fulfillment-type gave it before allocation. */
  static String order(String region, String postalCode, String itemsJson, String fulfillmentType) {
    return """
        {"order": {"orderId": "o-1", "customerRegion": "%s", "destinationPostalCode": "%s", "items": [%s]},
         "fulfillmentType": "%s"}"""
        .formatted(region, postalCode, itemsJson, fulfillmentType);
  }

  static final String BOOKS = "{\"sku\": \"BK-1001\", \"quantity\": 2, \"weightKg\": 0.4, \"lengthCm\": 20, \"widthCm\": 13, \"heightCm\": 3}";
  static final String BOARD_GAME = "{\"sku\": \"GM-6001\", \"quantity\": 1, \"weightKg\": 1.6, \"lengthCm\": 40, \"widthCm\": 27, \"heightCm\": 8}";
  static final String TV = "{\"sku\": \"TV-7001\", \"quantity\": 1, \"weightKg\": 25, \"lengthCm\": 150, \"widthCm\": 90, \"heightCm\": 15}";
  static final String BATTERY = "{\"sku\": \"LB-8001\", \"quantity\": 1, \"weightKg\": 0.5, \"lengthCm\": 15, \"widthCm\": 8, \"heightCm\": 3, \"category\": \"hazmat\"}";

  /** Part of the demo network's starting stock: board games only in the west, TVs in both bulky FCs. */
  private final TestInventory stock = new TestInventory()
      .onHand("fc-west-1", "BK-1001", 120).onHand("fc-west-1", "GM-6001", 25).onHand("fc-east-1", "BK-1001", 80)
      .onHand("nfc-west-1", "TV-7001", 12).onHand("nfc-east-1", "TV-7001", 9).onHand("sp-west-1", "LB-8001", 60);

  private Map<String, Object> allocated(String variablesJson) {
    return StepResults.completed(allocate.handle(at("rc-west-1").variablesFromJson(variablesJson).build()));
  }

  private TestStepContext.Builder at(String siteId) {
    return TestStepContext.at(siteId).inventory(stock);
  }

  @Test
  void shouldSendASortableWestOrderToTheWestSortableFcAndTheWestLastMile() {
    var variables = allocated(order("west", "94607", BOOKS, "SORTABLE"));

    assertThat(variables)
        .containsEntry("fulfillmentSiteId", "fc-west-1")
                .containsEntry("bulky", false)
        .containsEntry("sortCenterSiteId", "sc-west-1")
        .containsEntry("deliveryStationSiteId", "ds-west-1");
  }

  @Test
  void shouldReserveTheOrdersUnitsAtTheChosenBuilding() {
    allocated(order("west", "94607", BOOKS, "SORTABLE"));

    assertThat(stock.position("fc-west-1", "BK-1001").reserved()).isEqualTo(2);
    assertThat(stock.position("fc-west-1", "BK-1001").available()).isEqualTo(118);
  }

  @Test
  void shouldNotReserveTwiceWhenTheSameAllocationRunsAgain() {
    var first = allocated(order("west", "94607", BOOKS, "SORTABLE"));
    var again = allocated(order("west", "94607", BOOKS, "SORTABLE"));

    assertThat(again).isEqualTo(first);
    assertThat(stock.position("fc-west-1", "BK-1001").reserved()).isEqualTo(2);
    assertThat(stock.movements()).containsExactly("RESERVED fc-west-1 BK-1001 2 o-1");
  }

  @Test
  void shouldTakeTheNextBuildingWhenTheNearestHasTooFewUnitsLeft() {
    // given the west FC's books all reserved by other orders
    stock.reserve("fc-west-1", "o-other", Map.of("BK-1001", 120));

    var variables = allocated(order("west", "94607", BOOKS, "SORTABLE"));

    assertThat(variables).containsEntry("fulfillmentSiteId", "fc-east-1");
  }

  @Test
  void shouldPreferTheCustomersRegionOverANearerBuildingElsewhere() {
    // given an east customer whose postal code (Reno area, 89x) is nearer to the west FC
    var variables = allocated(order("east", "89501", BOOKS, "SORTABLE"));

    assertThat(variables).containsEntry("fulfillmentSiteId", "fc-east-1").containsEntry("sortCenterSiteId", "sc-east-1");
  }

  @Test
  void shouldThrowOutOfStockWhenTheRegionOnlyScopeFindsNoStock() {
    // given a board game, stocked only in the west, for a Brooklyn customer
    var context = at("rc-east-1")
        .variablesFromJson(order("east", "11201", BOARD_GAME, "SORTABLE")).variable("allocationScope", "REGION").build();

    var error = StepResults.error(allocate.handle(context));

    assertThat(error.code()).isEqualTo("OUT_OF_STOCK");
    assertThat(error.message()).contains("in region east", "GM-6001 x1");
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldShipFromAnotherRegionWhenTheNetworkScopeIsAllowed() {
    var variables = allocated(order("east", "11201", BOARD_GAME, "SORTABLE"));

    assertThat(variables).containsEntry("fulfillmentSiteId", "fc-west-1").containsEntry("deliveryStationSiteId", "ds-east-1");
    assertThat((Map<String, Object>) variables.get("allocation")).containsEntry("crossRegion", true).containsEntry("scope", "NETWORK");
  }

  @Test
  void shouldSendAnItemOverTheSortableLimitsToABulkyFc() {
    var variables = allocated(order("east", "11201", TV, "BULKY"));

    assertThat(variables).containsEntry("fulfillmentSiteId", "nfc-east-1").containsEntry("bulky", true);
  }

  @Test
  void shouldSendHazmatToTheSpecialtyBuildingEvenForAnotherRegion() {
    var variables = allocated(order("east", "11201", BATTERY, "SPECIALTY"));

    assertThat(variables).containsEntry("fulfillmentSiteId", "sp-west-1").containsEntry("bulky", false);
  }

  @Test
  void shouldThrowOutOfStockWhenNoBuildingInTheNetworkHasEveryLine() {
    // a TV and books: a bulky order, and no bulky FC stocks books
    var error = StepResults.error(allocate.handle(at("rc-west-1").variablesFromJson(order("west", "94607", TV + "," + BOOKS, "BULKY")).build()));

    assertThat(error.code()).isEqualTo("OUT_OF_STOCK");
    assertThat(error.message()).contains("NON_SORTABLE_FC in the network", "TV-7001 x1, BK-1001 x2");
    assertThat(stock.movements()).isEmpty();
  }

  @Test
  void shouldRejectAnUnknownRegion() {
    var context = at("rc-west-1").variablesFromJson(order("north", "94607", BOOKS, "SORTABLE")).build();

    assertThatThrownBy(() -> allocate.handle(context)).hasMessageContaining("Expected a region of the network (east, west), but found 'north'");
  }

  @Test
  void shouldRefuseAnOrderWhoseFulfillmentTypeWasNotDecided() {
    var context = at("rc-west-1").variablesFromJson("""
        {"order": {"orderId": "o-1", "customerRegion": "west", "destinationPostalCode": "94607", "items": [%s]}}"""
        .formatted(BOOKS)).build();

    assertThatThrownBy(() -> allocate.handle(context)).hasMessageContaining(
        "Expected the variable 'fulfillmentType' (the result of the decision fulfillment-type");
    assertThat(stock.movements()).isEmpty();
  }

  @Test
  void shouldAllocateTheTypeTheDecisionGaveEvenWhereTheItemsLookSortable() {
    // a process engineer's table may send small items to a bulky FC: the allocation follows the decision
    var variables = allocated(order("east", "11201", "{\"sku\": \"TV-7001\", \"quantity\": 1, \"weightKg\": 2, "
        + "\"lengthCm\": 20, \"widthCm\": 20, \"heightCm\": 20}", "BULKY"));

    assertThat(variables).containsEntry("fulfillmentSiteId", "nfc-east-1").containsEntry("bulky", true);
  }
}
