package io.milepost.host.api;

import java.util.UUID;

/** The id a 500 answer (REST) or INTERNAL status (gRPC) carries, under which the log has the stack trace. */
public final class ErrorIds {

  private ErrorIds() {}

  public static String next() {
    return UUID.randomUUID().toString();
  }

  /** The generic detail of an unexpected error: what to quote to whoever reads the log. */
  public static String detail(String errorId) {
    return "An unexpected error occurred; the server log has its details under error id " + errorId;
  }
}
