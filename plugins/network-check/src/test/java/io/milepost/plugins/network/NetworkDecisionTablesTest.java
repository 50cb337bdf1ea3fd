package io.milepost.plugins.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The network's rules, as the decision tables in bpmn/ decide them (the plugins no longer hold them). */
class NetworkDecisionTablesTest {

  private static Map<String, Object> item(double weightKg, double l, double w, double h, String category) {
    Map<String, Object> item = new HashMap<>(Map.of("weightKg", weightKg, "lengthCm", l, "widthCm", w, "heightCm", h));
    if (category != null) {
      item.put("category", category);
    }
    return item;
  }

  private static Object fulfillmentType(List<Map<String, Object>> items) {
    return NetworkDecisions.evaluate("fulfillment-type.dmn", "fulfillment-type", Map.of("items", items));
  }

  @Test
  void shouldApplyTheSortableLimitsInclusively() {
    assertThat(fulfillmentType(List.of(item(20.0, 45, 45, 45, null)))).isEqualTo("SORTABLE");
    assertThat(fulfillmentType(List.of(item(20.01, 10, 10, 10, null)))).isEqualTo("BULKY");
    assertThat(fulfillmentType(List.of(item(1, 45.5, 10, 10, "apparel")))).isEqualTo("BULKY");
  }

  @Test
  void shouldSendAnyHazmatItemToASpecialtyBuildingWhateverItsSizeOrCase() {
    assertThat(fulfillmentType(List.of(item(0.2, 10, 10, 10, "HAZMAT")))).isEqualTo("SPECIALTY");
    assertThat(fulfillmentType(List.of(item(25, 150, 90, 15, null), item(0.5, 15, 8, 3, "hazmat")))).isEqualTo("SPECIALTY");
  }

  @Test
  void shouldMakeAWholeOrderBulkyWhenOneItemIsOverTheLimits() {
    assertThat(fulfillmentType(List.of(item(0.4, 20, 13, 3, null), item(25, 150, 90, 15, null)))).isEqualTo("BULKY");
  }

  @Test
  void shouldWaitLongerForBulkyOrdersBeforeCallingThemLate() {
    assertThat(NetworkDecisions.evaluate("late-order-threshold.dmn", "late-order-threshold", Map.of("fulfillmentType", "BULKY")))
        .isEqualTo("PT8H");
    assertThat(NetworkDecisions.evaluate("late-order-threshold.dmn", "late-order-threshold", Map.of("fulfillmentType", "SORTABLE")))
        .isEqualTo("PT4H");
  }

  @Test
  void shouldChooseCarrierServiceAndToleranceByBuildingType() {
    assertThat(slamRules("SORTABLE", Map.of("declaredWeightKg", 1.42)))
        .isEqualTo(Map.of("carrierService", "GROUND", "toleranceShare", 0.05, "minimumToleranceKg", 0.05));
    assertThat(slamRules("BULKY", Map.of("declaredWeightKg", 110.0)))
        .isEqualTo(Map.of("carrierService", "LTL_FREIGHT", "toleranceShare", 0.03, "minimumToleranceKg", 0.5));
    assertThat(slamRules("BULKY", Map.of("declaredWeightKg", 30.0))).containsEntry("carrierService", "OVERSIZE_PARCEL");
    assertThat(slamRules("SPECIALTY", Map.of("declaredWeightKg", 1.2, "groundOnly", true))).containsEntry("carrierService", "GROUND_ONLY");
    assertThat(slamRules("SPECIALTY", Map.of("declaredWeightKg", 1.2, "groundOnly", false))).containsEntry("carrierService", "STANDARD");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> slamRules(String fulfillmentType, Map<String, Object> parcel) {
    return (Map<String, Object>) NetworkDecisions.evaluate("slam-weight-tolerance.dmn", "slam-weight-tolerance",
        Map.of("fulfillmentType", fulfillmentType, "package", parcel));
  }
}
