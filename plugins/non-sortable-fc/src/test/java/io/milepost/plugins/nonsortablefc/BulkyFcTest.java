package io.milepost.plugins.nonsortablefc;

import static io.milepost.plugin.api.BuildingType.NON_SORTABLE_FC;
import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.plugin.testkit.PluginJarContract;
import io.milepost.plugin.testkit.StepResults;
import io.milepost.plugin.testkit.TestStepContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BulkyFcTest {

  static final String TV = "{\"sku\": \"TV-7001\", \"quantity\": %d, \"weightKg\": 25, \"lengthCm\": 150, \"widthCm\": 90, \"heightCm\": 15}";
  static final String SOFA = "{\"sku\": \"SF-7002\", \"quantity\": 1, \"weightKg\": 60, \"lengthCm\": 210, \"widthCm\": 95, \"heightCm\": 85}";
  static final String LAMP = "{\"sku\": \"LP-7005\", \"quantity\": 1, \"weightKg\": 8, \"lengthCm\": 190, \"widthCm\": 30, \"heightCm\": 30}";

  static String order(String... items) {
    return "{\"order\": {\"orderId\": \"o-9\", \"customerRegion\": \"west\", \"destinationPostalCode\": \"94607\", \"items\": ["
        + String.join(",", items) + "]}}";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> output(io.milepost.plugin.api.StepHandler handler, String json, String name) throws Exception {
    return (Map<String, Object>) StepResults.completed(handler.handle(TestStepContext.at("nfc-west-1").variablesFromJson(json).build())).get(name);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldAssignATwoPersonTeamLiftOver23KgAndAPalletJackOver45Kg() throws Exception {
    var pick = output(new BulkyPickHandler(), order(TV.formatted(1), SOFA), "pick");

    assertThat((List<Map<String, Object>>) pick.get("pickList"))
        .extracting(line -> line.get("sku"), line -> line.get("crewSize"), line -> line.get("equipment"), line -> line.get("zone"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("TV-7001", 2, "NONE", "RACK"),
            org.assertj.core.groups.Tuple.tuple("SF-7002", 1, "PALLET_JACK", "FLOOR"));
    assertThat(pick).containsEntry("teamLift", true).containsEntry("maxCrewSize", 2);
  }

  @Test
  void shouldCarryALongLightItemWithTwoPeople() throws Exception {
    var pick = output(new BulkyPickHandler(), order(LAMP), "pick");

    assertThat(pick).containsEntry("teamLift", true);
  }

  @Test
  void shouldCrateASofaAndBoxATv() throws Exception {
    assertThat(output(new BulkyPackHandler(), order(SOFA), "package"))
        .containsEntry("boxCode", "CRATE")
        .containsEntry("lengthCm", 230.0);
    assertThat(output(new BulkyPackHandler(), order(TV.formatted(1)), "package"))
        .containsEntry("boxCode", "DOUBLE_WALL")
        .containsEntry("lengthCm", 160.0)
        // surface of 160 x 100 x 25 cm = 4.5 m² of double wall at 0.8 kg/m²
        .containsEntry("packagingWeightKg", 3.6)
        .containsEntry("declaredWeightKg", 28.6);
  }

  @Test
  void shouldPalletiseSeveralUnits() throws Exception {
    assertThat(output(new BulkyPackHandler(), order(TV.formatted(2)), "package"))
        .containsEntry("boxCode", "PALLET")
        .containsEntry("heightCm", 65.0)
        .containsEntry("packagingWeightKg", 27.2);
  }

  @Test
  void shouldShipHeavyPackagesAsFreightAndFlagAScaleMismatch() throws Exception {
    var packed = new LinkedHashMap<>(TestStepContext.at("nfc-west-1").variablesFromJson(order(SOFA)).build().variables());
    packed.putAll(StepResults.completed(new BulkyPackHandler().handle(TestStepContext.at("nfc-west-1").variables(packed).build())));
    // what bpmn/slam-weight-tolerance.dmn decides for a bulky package over 68 kg
    packed.put("slamRules", Map.of("carrierService", "LTL_FREIGHT", "toleranceShare", 0.03, "minimumToleranceKg", 0.5));

    var asDeclared = StepResults.completed(new BulkySlamHandler().handle(TestStepContext.at("nfc-west-1").variables(packed).build()));
    var offByFiveKg = StepResults.completed(new BulkySlamHandler().handle(
        TestStepContext.at("nfc-west-1").variables(packed).variable("scaleWeightKg", 113.0).build()));

    assertThat(asDeclared).containsEntry("weightMismatch", false);
    assertThat(asDeclared.get("slam").toString()).contains("carrierService=LTL_FREIGHT");
    assertThat(offByFiveKg).containsEntry("weightMismatch", true);
  }

  @Nested
  class Jar extends PluginJarContract {
    Jar() {
      super("non-sortable-fc", Map.of(
          "fulfillment.pick", Set.of(NON_SORTABLE_FC),
          "fulfillment.pack", Set.of(NON_SORTABLE_FC),
          "fulfillment.slam", Set.of(NON_SORTABLE_FC)));
    }
  }
}
