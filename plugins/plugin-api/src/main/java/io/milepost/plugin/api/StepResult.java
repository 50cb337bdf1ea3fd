package io.milepost.plugin.api;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a {@link StepHandler}: complete the job, throw a BPMN error, or retry later.
 *
 * <p>Use the factory methods; switch over the three records when you need to tell them apart. A
 * completed job or a BPMN error may carry named business measures ({@link Complete#withMeasure}), such as
 * the void fill of a box in litres: the host stores them with the step so leaders can compare plugin
 * versions on them.
 */
public sealed interface StepResult {

  /** Named numbers the step reports with its result, e.g. {@code voidFillLitres}; empty unless reported. */
  default Map<String, Double> measures() {
    return Map.of();
  }

  /**
   * This result with one more measure, e.g. {@code StepResult.complete(vars).withMeasure("voidFillLitres", 1.2)}.
   * A completed job and a BPMN error carry measures; a retry does not (the attempt did not happen).
   *
   * @throws IllegalArgumentException for a blank or over-long name or a value that is not finite
   * @throws UnsupportedOperationException on a {@link Retry}
   */
  default StepResult withMeasure(String name, double value) {
    throw new UnsupportedOperationException("Expected measures on a completed job or a BPMN error, but this is "
        + this);
  }

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

  /**
   * The job completed; {@code variables} is an unmodifiable copy, possibly empty; {@code measures} the
   * business numbers the step reports (see {@link #withMeasure}).
   */
  record Complete(Map<String, Object> variables, Map<String, Double> measures) implements StepResult {
    public Complete {
      // A LinkedHashMap keeps the handler's order and, unlike Map.copyOf, allows null values.
      variables = variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
      measures = Measures.copy(measures);
    }

    /** The constructor of plugin-api 0.1.0, kept so plugins built against it still link. */
    public Complete(Map<String, Object> variables) {
      this(variables, Map.of());
    }

    /** This result with one more measure, e.g. {@code withMeasure("voidFillLitres", 1.2)}. */
    @Override
    public Complete withMeasure(String name, double value) {
      return new Complete(variables, Measures.with(measures, name, value));
    }
  }

  /** A BPMN error with a code the process can catch and a message for people, and its measures. */
  record Error(String code, String message, Map<String, Double> measures) implements StepResult {
    public Error {
      Objects.requireNonNull(code, "code");
      if (code.isBlank()) {
        throw new IllegalArgumentException("Expected a BPMN error code, but it was blank");
      }
      message = message == null ? "" : message;
      measures = Measures.copy(measures);
    }

    /** The constructor of plugin-api 0.1.0, kept so plugins built against it still link. */
    public Error(String code, String message) {
      this(code, message, Map.of());
    }

    /** This result with one more measure, e.g. {@code withMeasure("weightMismatchKg", 0.4)}. */
    @Override
    public Error withMeasure(String name, double value) {
      return new Error(code, message, Measures.with(measures, name, value));
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
