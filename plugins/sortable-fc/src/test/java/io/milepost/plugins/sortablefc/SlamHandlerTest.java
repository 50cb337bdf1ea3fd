package io.milepost.plugins.sortablefc;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.plugin.testkit.StepResults;
import io.milepost.plugin.testkit.TestStepContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlamHandlerTest {

  private final SlamHandler slam = new SlamHandler();

  @Test
  @SuppressWarnings("unchecked")
  void shouldPassAPackageWhoseWeightsAreAsDeclared() {
    // given the README order, packed
    var packed = packed(Orders.README_ORDER);

    // when
    var variables = StepResults.completed(slam.handle(TestStepContext.at("fc-west-1").variables(packed).build()));

    // then
    assertThat(variables).containsEntry("weightMismatch", false);
    assertThat((Map<String, Object>) variables.get("slam"))
        .containsEntry("trackingId", "MPFCWEST1-o-1001")
        .containsEntry("expectedWeightKg", 1.42)
        .containsEntry("measuredWeightKg", 1.42)
        .containsEntry("toleranceKg", 0.07);
  }

  @Test
  void shouldFlagAMismatchWhenTheOrderUnderDeclaresAnItemTheFcHasWeighed() {
    // given books declared at 0.2 kg that the item master weighed at 0.4 kg
    var packed = packed(Orders.README_ORDER.replace("\"weightKg\": 0.4,", "\"weightKg\": 0.2,"));

    // when
    var variables = StepResults.completed(slam.handle(TestStepContext.at("fc-west-1").variables(packed).build()));

    // then
    assertThat(variables).containsEntry("weightMismatch", true);
  }

  @Test
  void shouldTrustTheScaleOverTheDeclaredWeight() {
    // given the README order packed as declared, but the scale reads 1.60 kg against 1.42 kg expected
    var packed = packed(Orders.README_ORDER);

    // when
    var onScale = TestStepContext.at("fc-west-1").variables(packed).variable("scaleWeightKg", 1.60).build();
    var withinTolerance = TestStepContext.at("fc-west-1").variables(packed).variable("scaleWeightKg", 1.47).build();

    // then
    assertThat(StepResults.completed(slam.handle(onScale))).containsEntry("weightMismatch", true);
    assertThat(StepResults.completed(slam.handle(withinTolerance))).containsEntry("weightMismatch", false);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldCheckWithTheToleranceAndCarrierServiceTheDecisionGave() {
    // given a table changed to a 20 % tolerance for sortable FCs and a carrier service of its own
    var packed = packed(Orders.README_ORDER);
    packed.put("slamRules", Map.of("carrierService", "GROUND_ECONOMY", "toleranceShare", 0.2, "minimumToleranceKg", 0.05));

    var variables = StepResults.completed(slam.handle(
        TestStepContext.at("fc-west-1").variables(packed).variable("scaleWeightKg", 1.60).build()));

    assertThat(variables).containsEntry("weightMismatch", false);
    assertThat((Map<String, Object>) variables.get("slam")).containsEntry("toleranceKg", 0.28)
        .containsEntry("carrierService", "GROUND_ECONOMY");
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldShipWithTheMeasuredWeightOnceProblemSolveVerifiedIt() {
    // given the under-declared books, re-weighed at 1.62 kg by an associate who found the contents right
    var packed = packed(Orders.README_ORDER.replace("\"weightKg\": 0.4,", "\"weightKg\": 0.2,"));

    var variables = StepResults.completed(slam.handle(TestStepContext.at("fc-west-1").variables(packed)
        .variable("scaleWeightKg", 1.62).variable("verifiedWeightKg", 1.62).build()));

    assertThat(variables).containsEntry("weightMismatch", false);
    assertThat((Map<String, Object>) variables.get("slam")).containsEntry("measuredWeightKg", 1.62)
        .containsEntry("expectedWeightKg", 1.62);
  }

  @Test
  void shouldRefuseAJobWithoutTheDecisionsRules() {
    var packed = packed(Orders.README_ORDER);
    packed.remove("slamRules");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> slam.handle(TestStepContext.at("fc-west-1").variables(packed).build()))
        .hasMessageContaining("Expected the variable 'slamRules'");
  }

  /**
   * The order's variables plus the {@code package} the real pack step writes for it and the {@code slamRules}
   * that bpmn/slam-weight-tolerance.dmn gives a sortable FC's package today.
   */
  private static Map<String, Object> packed(String orderJson) {
    var context = TestStepContext.at("fc-west-1").variablesFromJson(orderJson).build();
    var withPackage = new java.util.LinkedHashMap<>(context.variables());
    withPackage.putAll(StepResults.completed(new PackHandler().handle(context)));
    withPackage.put("slamRules", Map.of("carrierService", "GROUND", "toleranceShare", 0.05, "minimumToleranceKg", 0.05));
    return withPackage;
  }
}
