package io.milepost.engine.state;

import io.milepost.engine.api.BusinessIdPaths;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records the business ids a written variable carries (see {@link BusinessIdPaths}) in the {@code business_id}
 * table, in the transaction that writes the variable, so that searching an instance by its id is an index lookup
 * instead of a scan of every variable's JSON. An instance keeps every id it has carried: a rewrite with the same id
 * records nothing new, one with another id adds it.
 */
final class BusinessIdIndex {

  /** The column's size: a longer string is no id anybody types into a search. */
  private static final int MAX_LENGTH = 1024;

  private final Sql sql;
  private final JsonMapper json;
  private final BusinessIdPaths paths;

  BusinessIdIndex(Sql sql, JsonMapper json, BusinessIdPaths paths) {
    this.sql = sql;
    this.json = json;
    this.paths = paths;
  }

  void record(long processInstanceKey, String variableName, String valueJson) {
    var pathsOfVariable = paths.of(variableName);
    if (pathsOfVariable.isEmpty()) {
      return;
    }
    JsonNode value;
    try {
      value = json.readTree(valueJson);
    } catch (JacksonException notJson) {
      return; // the codec wrote it, so this does not happen; a value that is not JSON carries no id either way
    }
    for (BusinessIdPaths.Path path : pathsOfVariable) {
      JsonNode id = value;
      for (String field : path.fields()) {
        id = id.path(field);
      }
      if (id.isString() && !id.asString().isEmpty() && id.asString().length() <= MAX_LENGTH) {
        recordOnce(processInstanceKey, path.toString(), id.asString());
      }
    }
  }

  private void recordOnce(long processInstanceKey, String path, String id) {
    // one writer applies commands, so nobody else can insert the row between this look and the insert
    if (sql.count("SELECT COUNT(*) FROM business_id WHERE business_id = ? AND process_instance_key = ? AND path = ?",
        id, processInstanceKey, path) == 0) {
      sql.update("INSERT INTO business_id (process_instance_key, path, business_id) VALUES (?, ?, ?)",
          processInstanceKey, path, id);
    }
  }
}
