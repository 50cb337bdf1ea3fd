package io.milepost.engine.query;

/** The store could not answer a query (connection lost, schema missing): a fault, not a client mistake. */
public final class QueryFailedException extends RuntimeException {

  public QueryFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
