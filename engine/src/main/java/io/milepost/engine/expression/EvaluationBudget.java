package io.milepost.engine.expression;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;

/**
 * What one evaluation has left: checked at every step of FEEL's interpreter (see {@link BoundedFeelInterpreter}).
 * Once a limit is breached every further step throws, so the evaluation unwinds at once, and the breach is
 * kept to be reported even if FEEL turned the exception into an ordinary failure on its way out.
 */
final class EvaluationBudget {

  /** Thrown inside FEEL's interpreter to abandon the evaluation. */
  static final class Breached extends RuntimeException {
    Breached(String message) {
      super(message, null, false, false);
    }
  }

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  /** Time and memory are read every this many steps: cheap, and still within microseconds of a breach. */
  private static final int CHECK_EVERY = 64;

  private final ExpressionLimits limits;
  private final long deadlineNanos;
  private final long allocatedAtStart;
  private int steps;
  private String breach;

  EvaluationBudget(ExpressionLimits limits) {
    this.limits = limits;
    this.deadlineNanos = System.nanoTime() + limits.time().toNanos();
    this.allocatedAtStart = THREADS.getCurrentThreadAllocatedBytes();
  }

  /** One step of the interpreter. */
  void step() {
    if (breach != null) {
      throw new Breached(breach);
    }
    if (++steps % CHECK_EVERY == 0) {
      if (System.nanoTime() - deadlineNanos > 0) {
        breach("ran longer than the time limit of " + limits.time().toMillis() + " ms");
      }
      long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedAtStart;
      if (allocated > limits.maxAllocatedBytes()) {
        breach("allocated more than the memory limit of " + (limits.maxAllocatedBytes() >> 20) + " MB");
      }
    }
  }

  /** The interpreter is about to build a list of {@code items} items (a range to iterate, a product of lists). */
  void building(BigDecimal items) {
    if (items.compareTo(BigDecimal.valueOf(limits.maxItems())) > 0) {
      breach("builds a list of " + items.toPlainString() + " items, more than the limit of " + limits.maxItems());
    }
  }

  /** The interpreter built this list (read only up to the limit, so a long one costs no more than that). */
  void built(scala.collection.immutable.List<?> items) {
    if (items.lengthCompare(limits.maxItems()) > 0) {
      breach("builds a list of more than " + limits.maxItems() + " items");
    }
  }

  /** The limit the evaluation breached, or null. */
  String breach() {
    return breach;
  }

  private void breach(String what) {
    breach = what;
    throw new Breached(what);
  }
}
