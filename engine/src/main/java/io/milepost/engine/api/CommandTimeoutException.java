package io.milepost.engine.api;

/**
 * The engine did not answer a command within its command timeout. A command the writer had not started
 * is dropped; one it had started may still commit. Safe to retry for commands that are idempotent.
 */
public final class CommandTimeoutException extends RuntimeException {

  public CommandTimeoutException(String message) {
    super(message);
  }
}
