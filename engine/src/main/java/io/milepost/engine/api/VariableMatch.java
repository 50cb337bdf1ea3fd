package io.milepost.engine.api;

import java.util.List;
import java.util.Objects;

/**
 * A condition on variables, as a search filter: a variable named {@code name} whose value equals one of
 * {@code anyOf} (compared as JSON); no values match nothing. Which variables count (the instance's, a task's own) is
 * up to the filter that carries it.
 */
public record VariableMatch(String name, List<Object> anyOf) {

  public VariableMatch {
    if (name == null || name.isBlank()) {
      throw new RejectionException(RejectionType.INVALID_ARGUMENT,
          "Expected a variable condition to name a variable, but it named none");
    }
    anyOf = List.copyOf(Objects.requireNonNull(anyOf, "anyOf"));
  }

  /** The variable {@code name} equals one of {@code values}. */
  public static VariableMatch oneOf(String name, List<?> values) {
    return new VariableMatch(name, List.copyOf(values));
  }
}
