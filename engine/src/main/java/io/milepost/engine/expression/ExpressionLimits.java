package io.milepost.engine.expression;

import java.time.Duration;

/**
 * What one FEEL evaluation may take. Expressions run on the engine's single writer thread, so one that
 * loops over millions of items would stop every other command; past a limit the evaluation is abandoned
 * and the element gets an incident naming the limit and the expression.
 *
 * @param time how long one evaluation may run
 * @param maxItems the most items a list or range built during the evaluation may hold
 * @param maxAllocatedBytes how much memory one evaluation may allocate (garbage included)
 */
public record ExpressionLimits(Duration time, int maxItems, long maxAllocatedBytes) {

  public static final ExpressionLimits DEFAULTS = new ExpressionLimits(Duration.ofSeconds(1), 100_000, 256L << 20);

  public ExpressionLimits {
    if (time.isNegative() || time.isZero() || maxItems < 1 || maxAllocatedBytes < 1) {
      throw new IllegalArgumentException("Expected positive expression limits, but they were time " + time
          + ", maxItems " + maxItems + ", maxAllocatedBytes " + maxAllocatedBytes);
    }
  }
}
