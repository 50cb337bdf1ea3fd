package io.milepost.plugins.deliverystation;

import java.util.Objects;

/**
 * The {@code parcel} variable of last-mile delivery.
 *
 * @param signatureRequired the recipient must sign: never left at a safe place
 * @param safePlaceAllowed  the recipient allows leaving it at the door
 * @param gatedAccess       the address is behind a gate or lobby door that needs a code
 * @param accessCode        the code the recipient gave for it, if any
 */
record Parcel(String trackingId, String destinationPostalCode, Double weightKg, Boolean signatureRequired,
    Boolean safePlaceAllowed, Boolean gatedAccess, String accessCode) {

  Parcel {
    Objects.requireNonNull(trackingId, "Expected parcel.trackingId, but it was missing");
    Objects.requireNonNull(destinationPostalCode, "Expected parcel.destinationPostalCode, but it was missing");
  }

  /** The variables the last-mile steps read. */
  record Variables(Parcel parcel, RouteAssignment routeAssignment, Integer deliveryAttempts) {
    Parcel requireParcel() {
      return Objects.requireNonNull(parcel, "Expected the variable 'parcel', but the job has none");
    }
  }

  /** The part of {@code routeAssignment} (written by sort-to-route) a delivery attempt needs: the wave it goes out in. */
  record RouteAssignment(String wave) {}

  static boolean isTrue(Boolean flag) {
    return Boolean.TRUE.equals(flag);
  }
}
