package io.milepost.host.api;

/**
 * The heap ran out while answering a request: most likely a plugin hoarding memory, a passing shortage rather
 * than a bug of that request. REST answers 503 with {@code Retry-After} and gRPC {@code UNAVAILABLE}, both of
 * which clients retry, with the same detail. Neither logs a stack trace: building one needs the memory that is
 * short.
 */
public final class HeapExhaustion {

  private HeapExhaustion() {}

  /** The OutOfMemoryError anywhere in the cause chain (the engine, Spring and drivers wrap it), or null. */
  public static OutOfMemoryError causeIn(Throwable failure) {
    return ApiExceptionHandler.causeOfType(failure, OutOfMemoryError.class);
  }

  public static String detail(OutOfMemoryError outOfMemory) {
    return "Expected memory to answer the request, but the host's heap ran out meanwhile (" + outOfMemory.getMessage()
        + "): retry after a pause; a command may have been applied before it ran out";
  }
}
