package io.milepost.engine.query;

import io.milepost.engine.api.VariableMatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns {@link VariableMatch} conditions into {@code EXISTS} sub-queries on the {@code variable} table. Values
 * are stored as JSON text, so "equals one of" compares the JSON of each value, and "holds a string" looks for the
 * string's JSON (quotes included, so "o-1" does not match "o-10") inside the value's JSON text.
 */
final class VariableMatches {

  private final Rows rows;

  VariableMatches(Rows rows) {
    this.rows = rows;
  }

  /** @param correlation the condition that ties a variable row ({@code v}) to the searched row */
  void add(Where where, String correlation, List<VariableMatch> matches) {
    for (VariableMatch match : matches) {
      List<Object> parameters = new ArrayList<>(match.names());
      String names = "v.name IN (" + placeholders(match.names().size()) + ")";
      String value;
      if (match.anyOf() != null) {
        if (match.anyOf().isEmpty()) {
          where.when(true, "1 = 0");
          continue;
        }
        value = "v.value_json IN (" + placeholders(match.anyOf().size()) + ")";
        match.anyOf().forEach(candidate -> parameters.add(rows.jsonValue(candidate)));
      } else {
        value = "v.value_json LIKE ? ESCAPE '\\'";
        parameters.add("%" + escapeLike(rows.jsonString(match.holdingString())) + "%");
      }
      where.when(true, "EXISTS (SELECT 1 FROM variable v WHERE v." + correlation + " AND " + names + " AND " + value
          + ")", parameters.toArray());
    }
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
