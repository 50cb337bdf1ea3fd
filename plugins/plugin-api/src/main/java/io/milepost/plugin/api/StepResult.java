package io.milepost.plugin.api;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a {@link StepHandler}: complete the job, throw a BPMN error, or retry later.
 *
 * <p>Use the factory methods; switch over the three records when you need to tell them apart.
 */
public sealed interface StepResult {

  /**
   * Completes the job and sets these variables on the process instance (subject to the task's output
   * mappings). Values must be JSON-like: maps, lists, strings, numbers, booleans or {@code null}.
   */
  static StepResult complete(Map<String, ?> variables) {
    return new Complete(variables == null ? null : new LinkedHashMap<String, Object>(variables));
  }

  /**
   * Throws a BPMN error with this code: an error boundary event with the same code catches it; if none
   * does, the process instance gets an incident. Use it for business outcomes the process models, such
   * as {@code OUT_OF_STOCK}.
   */
  static StepResult error(String code, String message) {
    return new Error(code, message);
  }

  /**
   * Fails this attempt and asks for another one after {@code backoff}; when the job runs out of
   * retries it becomes an incident carrying {@code message}. Use it for conditions that pass by
   * themselves, such as a scale that is being recalibrated.
   */
  static StepResult retry(String message, Duration backoff) {
    return new Retry(message, backoff);
  }

  /** The job completed; {@code variables} is an unmodifiable copy, possibly empty. */
  record Complete(Map<String, Object> variables) implements StepResult {
    public Complete {
      // A LinkedHashMap keeps the handler's order and, unlike Map.copyOf, allows null values.
      variables = variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }
  }

  /** A BPMN error with a code the process can catch and a message for people. */
  record Error(String code, String message) implements StepResult {
    public Error {
      Objects.requireNonNull(code, "code");
      if (code.isBlank()) {
        throw new IllegalArgumentException("Expected a BPMN error code, but it was blank");
      }
      message = message == null ? "" : message;
    }
  }

  /** Try the job again after {@code backoff}. */
  record Retry(String message, Duration backoff) implements StepResult {
    public Retry {
      message = message == null ? "" : message;
      Objects.requireNonNull(backoff, "backoff");
      if (backoff.isNegative()) {
        throw new IllegalArgumentException("Expected a back-off of zero or more, but it was " + backoff);
      }
    }
  }
}
