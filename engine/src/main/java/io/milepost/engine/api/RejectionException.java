package io.milepost.engine.api;

/** The engine refused a command and changed nothing. The message says what was expected and found. */
public class RejectionException extends RuntimeException {

  private final RejectionType type;

  public RejectionException(RejectionType type, String message) {
    super(message);
    this.type = type;
  }

  public RejectionType type() {
    return type;
  }
}
