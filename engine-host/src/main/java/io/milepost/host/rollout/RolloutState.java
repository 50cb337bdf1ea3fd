package io.milepost.host.rollout;

/** Where a rollout stands. */
public enum RolloutState {
  /** Its current wave is applied and baking; the next starts after the bake time if the guardrails hold. */
  RUNNING,
  /** Held by a person or a guardrail; nothing moves until it is resumed, advanced or rolled back. */
  PAUSED,
  /** Every wave is applied. */
  COMPLETED,
  /** Every site it moved was pointed back at the version it ran before. */
  ROLLED_BACK;

  boolean active() {
    return this == RUNNING || this == PAUSED;
  }
}
