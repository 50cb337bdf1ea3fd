package io.milepost.engine.api;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Tells the engine how to see that the caller of the commands on this thread has gone (a cancelled gRPC
 * call, a passed deadline): a command whose caller has gone before the writer gets to it is dropped, not
 * applied.
 */
public final class Caller {

  private static final BooleanSupplier NEVER_GONE = () -> false;
  private static final ThreadLocal<BooleanSupplier> GONE = new ThreadLocal<>();

  private Caller() {}

  public static <T> T whileWaiting(BooleanSupplier gone, Supplier<T> call) {
    BooleanSupplier outer = GONE.get();
    GONE.set(gone);
    try {
      return call.get();
    } finally {
      if (outer == null) {
        GONE.remove();
      } else {
        GONE.set(outer);
      }
    }
  }

  /** How to see that the current caller has gone; never, outside {@link #whileWaiting}. */
  public static BooleanSupplier current() {
    BooleanSupplier gone = GONE.get();
    return gone == null ? NEVER_GONE : gone;
  }
}
