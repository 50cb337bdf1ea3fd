package io.milepost.plugin.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks and copies the measures of a {@link StepResult}: named, finite numbers. */
final class Measures {

  /** The longest measure name the host stores. */
  static final int MAX_NAME_LENGTH = 100;

  private Measures() {}

  static Map<String, Double> copy(Map<String, Double> measures) {
    if (measures == null || measures.isEmpty()) {
      return Map.of();
    }
    Map<String, Double> copy = new LinkedHashMap<>();
    measures.forEach((name, value) -> copy.put(checkedName(name), checkedValue(name, value)));
    return Collections.unmodifiableMap(copy);
  }

  static Map<String, Double> with(Map<String, Double> measures, String name, double value) {
    Map<String, Double> added = new LinkedHashMap<>(measures);
    added.put(checkedName(name), checkedValue(name, value));
    return added;
  }

  private static String checkedName(String name) {
    if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("Expected a measure name of 1 to " + MAX_NAME_LENGTH
          + " characters, but it was '" + name + "'");
    }
    return name;
  }

  private static Double checkedValue(String name, Double value) {
    if (value == null || value.isNaN() || value.isInfinite()) {
      throw new IllegalArgumentException("Expected measure '" + name + "' to be a finite number, but it was " + value);
    }
    return value;
  }
}
