package io.milepost.engine.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the optional conditions of a search: a null value means "no condition on this column". */
final class Where {

  private final List<String> conditions = new ArrayList<>();
  private final List<Object> parameters = new ArrayList<>();
  private final Set<String> equalColumns = new HashSet<>();

  Where equal(String column, Object value) {
    if (value != null) {
      equalColumns.add(column);
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

  /**
   * The longest of these column lists (the leading columns of a search index, before the key) whose every column
   * has an equality condition; empty when none has. Ordering by these columns before the key does not change the
   * order (each is constant among the matches) but lets H2 see that the index yields the rows already sorted.
   */
  List<String> equalityPrefix(List<List<String>> indexPrefixes) {
    List<String> best = List.of();
    for (List<String> prefix : indexPrefixes) {
      if (prefix.size() > best.size() && equalColumns.containsAll(prefix)) {
        best = prefix;
      }
    }
    return best;
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
