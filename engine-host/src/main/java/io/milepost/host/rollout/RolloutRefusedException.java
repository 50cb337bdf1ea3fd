package io.milepost.host.rollout;

/** A rollout request or action the host refuses: bad input, an unknown rollout, or the wrong state. */
public final class RolloutRefusedException extends RuntimeException {

  /** How the API answers it. */
  public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN }

  private final Kind kind;

  RolloutRefusedException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
