package io.milepost.plugins.specialty;

import static io.milepost.plugin.api.BuildingType.SPECIALTY;
import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.plugin.api.StepHandler;
import io.milepost.plugin.testkit.PluginJarContract;
import io.milepost.plugin.testkit.StepResults;
import io.milepost.plugin.testkit.TestStepContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SpecialtyTest {

  static final String BATTERY = "{\"sku\": \"LB-8001\", \"quantity\": %d, \"weightKg\": 0.5, \"lengthCm\": 15, \"widthCm\": 8, \"heightCm\": 3, \"category\": \"hazmat\"}";
  static final String SHIRT = "{\"sku\": \"TS-5001\", \"quantity\": %d, \"weightKg\": 0.2, \"lengthCm\": 30, \"widthCm\": 25, \"heightCm\": 2, \"category\": \"apparel\"}";
  static final String VASE = "{\"sku\": \"VS-9001\", \"quantity\": 1, \"weightKg\": 1.2, \"lengthCm\": 25, \"widthCm\": 12, \"heightCm\": 12, \"category\": \"fragile\"}";
  static final String GENERATOR_BATTERY = "{\"sku\": \"LB-8009\", \"quantity\": 1, \"weightKg\": 7.5, \"lengthCm\": 30, \"widthCm\": 20, \"heightCm\": 15, \"category\": \"hazmat\"}";

  static String order(String... items) {
    return "{\"order\": {\"orderId\": \"o-5\", \"customerRegion\": \"west\", \"destinationPostalCode\": \"93721\", \"items\": ["
        + String.join(",", items) + "]}}";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> packed(String orderJson) throws Exception {
    return (Map<String, Object>) StepResults.completed(run(new SpecialtyPackHandler(), orderJson)).get("package");
  }

  private static io.milepost.plugin.api.StepResult run(StepHandler handler, String json) throws Exception {
    return handler.handle(TestStepContext.at("sp-west-1").variablesFromJson(json).build());
  }

  @Test
  void shouldBagApparelInsteadOfBoxingIt() throws Exception {
    assertThat(packed(order(SHIRT.formatted(3))))
        .containsEntry("packagingType", "POLY_BAG")
        .containsEntry("boxCode", "P2")
        .containsEntry("declaredWeightKg", 0.65);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldBoxApparelWhenTheSiteStocksNoBagsAnyMore() throws Exception {
    var context = TestStepContext.at("sp-west-1").variablesFromJson(order(SHIRT.formatted(3)))
        .siteData("containers", "code,type,lengthCm,widthCm,depthCm,tareKg\nM,BOX,40,30,25,0.45\n").build();

    var parcel = (Map<String, Object>) StepResults.completed(new SpecialtyPackHandler().handle(context)).get("package");

    assertThat(parcel).containsEntry("packagingType", "BOX").containsEntry("boxCode", "M");
  }

  @Test
  void shouldBoxApparelWhenTheOrderHasSomethingElseToo() throws Exception {
    assertThat(packed(order(SHIRT.formatted(1), VASE))).containsEntry("packagingType", "BOX");
  }

  @Test
  void shouldMarkHazmatAsLimitedQuantityInAUnBoxAndKeepItOnTheGround() throws Exception {
    assertThat(packed(order(BATTERY.formatted(2))))
        .containsEntry("boxCode", "UN4G-S")
        .containsEntry("labels", List.of("LIMITED_QUANTITY"))
        .containsEntry("groundOnly", true)
        .containsEntry("packagingWeightKg", 0.35);
  }

  @Test
  void shouldRefuseHazmatOverTheLimitedQuantityLimits() throws Exception {
    var error = StepResults.error(run(new SpecialtyPackHandler(), order(GENERATOR_BATTERY)));

    assertThat(error.code()).isEqualTo("HAZMAT_NOT_LIMITED_QUANTITY");
  }

  @Test
  void shouldPadAFragileVaseIntoALargerBoxAndLabelIt() throws Exception {
    // 25 cm + 10 cm of padding does not fit box S (25 cm), so M
    assertThat(packed(order(VASE)))
        .containsEntry("boxCode", "M")
        .containsEntry("labels", List.of("FRAGILE", "THIS_SIDE_UP"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldPickHazmatFirstFromTheCageWithACertifiedPicker() throws Exception {
    var pick = (Map<String, Object>) StepResults.completed(run(new SpecialtyPickHandler(), order(VASE, SHIRT.formatted(1), BATTERY.formatted(1)))).get("pick");

    assertThat((List<Map<String, Object>>) pick.get("pickList")).extracting(line -> line.get("zone"))
        .containsExactly("HAZMAT-CAGE", "GARMENT-MEZZANINE", "FRAGILE-SHELF");
    assertThat(pick).containsEntry("certifiedPickerRequired", true);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldManifestHazmatGroundOnly() throws Exception {
    var variables = new LinkedHashMap<>(TestStepContext.at("sp-west-1").variablesFromJson(order(BATTERY.formatted(2))).build().variables());
    variables.put("package", packed(order(BATTERY.formatted(2))));
    // what bpmn/slam-weight-tolerance.dmn decides for a ground-only package at a specialty building
    variables.put("slamRules", Map.of("carrierService", "GROUND_ONLY", "toleranceShare", 0.05, "minimumToleranceKg", 0.05));

    var result = StepResults.completed(new SpecialtySlamHandler().handle(TestStepContext.at("sp-west-1").variables(variables).build()));

    assertThat(result).containsEntry("weightMismatch", false);
    assertThat((Map<String, Object>) result.get("slam")).containsEntry("carrierService", "GROUND_ONLY");
  }

  @Nested
  class Jar extends PluginJarContract {
    Jar() {
      super("specialty", Map.of(
          "fulfillment.pick", Set.of(SPECIALTY),
          "fulfillment.pack", Set.of(SPECIALTY),
          "fulfillment.slam", Set.of(SPECIALTY)));
    }
  }
}
