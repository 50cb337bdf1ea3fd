package io.milepost.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepResultTest {

  @Test
  void shouldKeepCompletedVariablesIncludingNullsAndDetachThemFromTheCaller() {
    // given
    Map<String, Object> variables = new HashMap<>();
    variables.put("fulfillmentSiteId", "fc-west-1");
    variables.put("note", null);

    // when
    StepResult result = StepResult.complete(variables);
    variables.put("fulfillmentSiteId", "changed later");

    // then
    assertThat(result).isInstanceOfSatisfying(StepResult.Complete.class, complete -> {
      assertThat(complete.variables()).containsEntry("fulfillmentSiteId", "fc-west-1").containsEntry("note", null);
      assertThatThrownBy(() -> complete.variables().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    });
  }

  @Test
  void shouldTellTheThreeOutcomesApartWithAnExhaustiveSwitch() {
    // given
    StepResult error = StepResult.error("OUT_OF_STOCK", "no FC has SKU BK-1001");
    StepResult retry = StepResult.retry("scale recalibrating", Duration.ofSeconds(30));

    // when
    String described = describe(error) + " / " + describe(retry) + " / " + describe(StepResult.complete(null));

    // then
    assertThat(described).isEqualTo("error OUT_OF_STOCK / retry in PT30S / complete with 0 variables");
  }

  @Test
  void shouldRejectABlankErrorCodeAndANegativeBackoff() {
    assertThatThrownBy(() -> StepResult.error(" ", "x")).hasMessageContaining("error code");
    assertThatThrownBy(() -> StepResult.retry("x", Duration.ofSeconds(-1))).hasMessageContaining("PT-1S");
  }

  @Test
  void shouldDefaultASiteNameToItsId() {
    assertThat(new Site("fc-west-1", null, BuildingType.SORTABLE_FC, "west").name()).isEqualTo("fc-west-1");
  }

  private static String describe(StepResult result) {
    return switch (result) {
      case StepResult.Complete complete -> "complete with " + complete.variables().size() + " variables";
      case StepResult.Error error -> "error " + error.code();
      case StepResult.Retry retry -> "retry in " + retry.backoff();
    };
  }

  @Test
  void shouldCarryNamedMeasuresOnACompletedJobAndABpmnError() {
    // when
    StepResult complete = StepResult.complete(Map.of("box", "M")).withMeasure("voidFillLitres", 1.25)
        .withMeasure("boxes", 1);
    StepResult error = StepResult.error("WEIGHT_MISMATCH", "declared 2 kg, weighed 2.6 kg")
        .withMeasure("weightMismatchKg", 0.6);

    // then
    assertThat(complete.measures()).containsExactly(Map.entry("voidFillLitres", 1.25), Map.entry("boxes", 1.0));
    assertThat(((StepResult.Complete) complete).variables()).containsEntry("box", "M");
    assertThat(error.measures()).containsEntry("weightMismatchKg", 0.6);
    assertThat(StepResult.complete(Map.of()).measures()).isEmpty();
  }

  @Test
  void shouldRefuseAMeasureThatIsNotAFiniteNumberOrHasNoName() {
    StepResult result = StepResult.complete(Map.of());

    assertThatThrownBy(() -> result.withMeasure("voidFillLitres", Double.NaN))
        .hasMessageContaining("Expected measure 'voidFillLitres' to be a finite number, but it was NaN");
    assertThatThrownBy(() -> result.withMeasure(" ", 1)).hasMessageContaining("Expected a measure name");
    assertThatThrownBy(() -> StepResult.retry("later", Duration.ZERO).withMeasure("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
