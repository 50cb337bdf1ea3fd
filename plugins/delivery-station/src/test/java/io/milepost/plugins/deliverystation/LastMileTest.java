package io.milepost.plugins.deliverystation;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.plugin.testkit.StepResults;
import io.milepost.plugin.testkit.TestStepContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LastMileTest {

  private static Map<String, Object> parcel(Map<String, Object> overrides) {
    Map<String, Object> parcel = new HashMap<>(Map.of(
        "trackingId", "MPFCWEST1-o-1", "destinationPostalCode", "94607", "weightKg", 1.4));
    parcel.putAll(overrides);
    return parcel;
  }

  /** An attempt at ds-west-1 for a parcel that goes out in {@code wave}, with the station's bundled delivery points. */
  private static Map<String, Object> attempt(Map<String, Object> parcel, String wave, Integer attemptsSoFar) {
    var builder = TestStepContext.at("ds-west-1").variable("parcel", parcel).variable("routeAssignment", Map.of("wave", wave));
    if (attemptsSoFar != null) {
      builder.variable("deliveryAttempts", attemptsSoFar);
    }
    return StepResults.completed(new DeliveryAttemptHandler().handle(builder.build()));
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldInductSortAndDispatchAParcelForTheMorningWave() {
    // given
    var base = TestStepContext.at("ds-west-1").variable("parcel", parcel(Map.of("weightKg", 30.0)))
        .variable("stepTime", "2025-11-26T06:00:00-08:00");

    // when
    var induction = (Map<String, Object>) StepResults.completed(new InductHandler().handle(base.build())).get("induction");
    var routeAssignment = (Map<String, Object>) StepResults.completed(new SortToRouteHandler().handle(base.build())).get("routeAssignment");
    var dispatch = (Map<String, Object>) StepResults.completed(new DispatchHandler().handle(
        TestStepContext.at("ds-west-1").variable("routeAssignment", routeAssignment).build())).get("dispatch");

    // then
    assertThat(induction).containsEntry("routeCode", "OAK-01").containsEntry("handling", "NON_CONVEYABLE");
    assertThat(routeAssignment).containsEntry("bagId", "OAK-01-W1-2025-11-26").containsEntry("wave", "W1");
    assertThat(dispatch)
        .containsEntry("vehicleId", "VAN-OAK-01")
        .containsEntry("driverShiftStart", "2025-11-26T08:00-08:00")
        .containsEntry("departure", "2025-11-26T08:30-08:00");
  }

  @Test
  void shouldHandTheParcelToTheRecipientTheStationKnowsIsHomeInItsWave() {
    // ds-west-1 knows someone is home at 94607 in waves W2 and W3
    assertThat(attempt(parcel(Map.of()), "W2", null))
        .containsEntry("deliveryOutcome", "DELIVERED")
        .containsEntry("deliveryNote", "HANDED_TO_RECIPIENT")
        .containsEntry("deliveryAttempts", 1);
  }

  @Test
  void shouldLeaveItAtASafePlaceTheStationKnowsOnlyWithoutSignatureRequirement() {
    // nobody home at 94607 in W1, but a safe place is agreed there
    assertThat(attempt(parcel(Map.of()), "W1", null)).containsEntry("deliveryNote", "LEFT_AT_SAFE_PLACE");
    assertThat(attempt(parcel(Map.of("signatureRequired", true)), "W1", null))
        .containsEntry("deliveryOutcome", "RETRY_NEXT_DAY")
        .containsEntry("deliveryNote", "SIGNATURE_REQUIRED");
  }

  @Test
  void shouldFailWhereTheStationKnowsNothingUnlessTheParcelAllowsASafePlace() {
    assertThat(attempt(parcel(Map.of("destinationPostalCode", "94618")), "W2", null))
        .containsEntry("deliveryNote", "RECIPIENT_UNAVAILABLE");
    assertThat(attempt(parcel(Map.of("destinationPostalCode", "94618", "safePlaceAllowed", true)), "W2", null))
        .containsEntry("deliveryNote", "LEFT_AT_SAFE_PLACE");
  }

  @Test
  void shouldFailAtAGateWithoutAnAccessCodeEvenWhenTheRecipientIsHome() {
    assertThat(attempt(parcel(Map.of("gatedAccess", true)), "W2", null)).containsEntry("deliveryNote", "NO_ACCESS");
    assertThat(attempt(parcel(Map.of("gatedAccess", true, "accessCode", "4711")), "W2", null)).containsEntry("deliveryOutcome", "DELIVERED");
  }

  @Test
  void shouldReturnToSenderAfterTheThirdFailedAttempt() {
    // 94610: no safe place, someone home only in W3
    var parcel = parcel(Map.of("destinationPostalCode", "94610"));
    assertThat(attempt(parcel, "W1", 1)).containsEntry("deliveryOutcome", "RETRY_NEXT_DAY").containsEntry("deliveryAttempts", 2);
    assertThat(attempt(parcel, "W1", 2)).containsEntry("deliveryOutcome", "RETURN_TO_SENDER").containsEntry("deliveryAttempts", 3);
  }
}
