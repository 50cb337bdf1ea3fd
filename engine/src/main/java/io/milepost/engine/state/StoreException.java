package io.milepost.engine.state;

/** The store failed (a bug or an outage, never bad input): the command is rolled back. */
public final class StoreException extends RuntimeException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
