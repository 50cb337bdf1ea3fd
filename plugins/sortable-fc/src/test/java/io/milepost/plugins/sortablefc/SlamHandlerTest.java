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

  /** The order's variables plus the {@code package} the real pack step writes for it. */
  private static Map<String, Object> packed(String orderJson) {
    var context = TestStepContext.at("fc-west-1").variablesFromJson(orderJson).build();
    var withPackage = new java.util.LinkedHashMap<>(context.variables());
    withPackage.putAll(StepResults.completed(new PackHandler().handle(context)));
    return withPackage;
  }
}
