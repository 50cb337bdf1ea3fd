package io.milepost.engine.api;

import java.util.List;
import java.util.Objects;

/**
 * A condition on variables, as a search filter: some variable named one of {@code names} whose value either
 * equals one of {@code anyOf} (compared as JSON), or, when {@code holdingString} is set, holds that string as a
 * value anywhere inside it (an object's field, a list's item, or the value itself). Which variables count (the
 * instance's, a task's own) is up to the filter that carries it.
 */
public record VariableMatch(List<String> names, List<Object> anyOf, String holdingString) {

  public VariableMatch {
    names = List.copyOf(Objects.requireNonNull(names, "names"));
    anyOf = anyOf == null ? null : List.copyOf(anyOf);
    if (names.isEmpty()) {
      throw new RejectionException(RejectionType.INVALID_ARGUMENT,
          "Expected a variable condition to name at least one variable, but it named none");
    }
    if ((anyOf == null) == (holdingString == null)) {
      throw new RejectionException(RejectionType.INVALID_ARGUMENT, "Expected a variable condition on "
          + names + " with either values to equal or a string to hold, but it had " + (anyOf == null ? "neither" : "both"));
    }
  }

  /** The variable {@code name} equals one of {@code values}; no values match nothing. */
  public static VariableMatch oneOf(String name, List<?> values) {
    return new VariableMatch(List.of(name), List.copyOf(values), null);
  }

  /** One of the variables {@code names} holds the string {@code value} (a business id inside an order). */
  public static VariableMatch holding(List<String> names, String value) {
    return new VariableMatch(names, null, Objects.requireNonNull(value, "value"));
  }
}
