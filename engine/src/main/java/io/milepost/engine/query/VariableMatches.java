package io.milepost.engine.query;

import io.milepost.engine.api.VariableMatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns {@link VariableMatch} conditions into {@code EXISTS} sub-queries on the {@code variable} table. Values
 * are stored as JSON text, so "equals one of" compares the JSON of each value.
 */
final class VariableMatches {

  private final Rows rows;

  VariableMatches(Rows rows) {
    this.rows = rows;
  }

  /** @param correlation the condition that ties a variable row ({@code v}) to the searched row */
  void add(Where where, String correlation, List<VariableMatch> matches) {
    for (VariableMatch match : matches) {
      if (match.anyOf().isEmpty()) {
        where.when(true, "1 = 0");
        continue;
      }
      List<Object> parameters = new ArrayList<>();
      parameters.add(match.name());
      match.anyOf().forEach(candidate -> parameters.add(rows.jsonValue(candidate)));
      where.when(true, "EXISTS (SELECT 1 FROM variable v WHERE v." + correlation + " AND v.name = ? AND v.value_json IN ("
          + String.join(", ", Collections.nCopies(match.anyOf().size(), "?")) + "))", parameters.toArray());
    }
  }
}
