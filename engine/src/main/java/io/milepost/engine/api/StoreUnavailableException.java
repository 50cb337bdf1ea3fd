package io.milepost.engine.api;

/**
 * The engine's store could not commit the batch a command was in (its database was unreachable, restarting,
 * or out of space): the command was not acknowledged, and the writer opens a new connection for the next
 * batch by itself. Retryable. Only when the connection broke during the commit itself can the database have
 * applied it all the same (no database can tell a client that lost the answer); a retried create may then
 * create a second instance.
 */
public final class StoreUnavailableException extends RuntimeException {

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
