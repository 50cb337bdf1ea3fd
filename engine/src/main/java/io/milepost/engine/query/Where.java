package io.milepost.engine.query;

import java.util.ArrayList;
import java.util.List;

/** Collects the optional conditions of a search: a null value means "no condition on this column". */
final class Where {

  private final List<String> conditions = new ArrayList<>();
  private final List<Object> parameters = new ArrayList<>();

  Where equal(String column, Object value) {
    if (value != null) {
      conditions.add(column + " = ?");
      parameters.add(value instanceof Enum<?> e ? e.name() : value);
    }
    return this;
  }

  /** Adds a condition with its own placeholders, used only when {@code value} is present. */
  Where when(Object value, String condition, Object... conditionParameters) {
    if (value != null) {
      conditions.add(condition);
      parameters.addAll(List.of(conditionParameters));
    }
    return this;
  }

  Where whenTrue(Boolean flag, String condition) {
    if (Boolean.TRUE.equals(flag)) {
      conditions.add(condition);
    }
    return this;
  }

  /**
   * Matches rows whose JSON array text column holds {@code value} as one of its strings. The
   * needle is the JSON string with its quotes, so "ops" does not match "ops-night".
   */
  Where jsonArrayContains(String column, String value, String jsonEncodedValue) {
    if (value != null) {
      conditions.add(column + " LIKE ? ESCAPE '\\'");
      parameters.add("%" + escapeLike(jsonEncodedValue) + "%");
    }
    return this;
  }

  String sql() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  List<Object> parameters() {
    return List.copyOf(parameters);
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
