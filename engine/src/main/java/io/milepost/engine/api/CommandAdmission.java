package io.milepost.engine.api;

import java.time.Duration;

/**
 * Back-pressure: commands that bring new work (creating instances, publishing messages, deploying ...)
 * are refused with {@link RejectionType#RESOURCE_EXHAUSTED} once more commands wait for the writer than an
 * adaptive limit allows; the limit shrinks while a command's time from submission to commit exceeds
 * {@code targetLatency} and grows while it stays below. Commands that drain work (job activations and streams,
 * completions, failures, errors, cancellations) are always admitted.
 */
public record CommandAdmission(int initialLimit, int minLimit, int maxLimit, Duration targetLatency) {

  public static final CommandAdmission DEFAULTS = new CommandAdmission(256, 16, 4_096, Duration.ofMillis(250));

  public CommandAdmission {
    if (minLimit < 1 || initialLimit < minLimit || maxLimit < initialLimit || targetLatency.isNegative()
        || targetLatency.isZero()) {
      throw new IllegalArgumentException("Expected 1 <= minLimit <= initialLimit <= maxLimit and a positive target "
          + "latency, but found minLimit " + minLimit + ", initialLimit " + initialLimit + ", maxLimit " + maxLimit
          + ", targetLatency " + targetLatency);
    }
  }
}
