package io.milepost.plugins.nonsortablefc;

import io.milepost.network.OrderItem;
/**
 * How many associates, or which equipment, a unit needs. One person lifts up to {@value
 * #ONE_PERSON_MAX_KG} kg (the NIOSH recommended limit); two up to {@value #TWO_PERSON_MAX_KG} kg; heavier
 * units go on a pallet jack. A unit longer than {@value #AWKWARD_LENGTH_CM} cm is awkward to carry alone
 * whatever it weighs.
 */
record LiftRule(int crewSize, String equipment) {

  static final double ONE_PERSON_MAX_KG = 23.0;
  static final double TWO_PERSON_MAX_KG = 45.0;
  static final double AWKWARD_LENGTH_CM = 180.0;

  static LiftRule of(OrderItem unit) {
    if (unit.weightKg() > TWO_PERSON_MAX_KG) {
      return new LiftRule(1, "PALLET_JACK");
    }
    if (unit.weightKg() > ONE_PERSON_MAX_KG || unit.longestSideCm() > AWKWARD_LENGTH_CM) {
      return new LiftRule(2, "NONE");
    }
    return new LiftRule(1, "NONE");
  }

  boolean teamLift() {
    return crewSize > 1;
  }
}
