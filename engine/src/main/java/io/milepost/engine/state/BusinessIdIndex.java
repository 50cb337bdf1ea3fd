package io.milepost.engine.state;

import io.milepost.engine.api.BusinessIdPaths;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records the business ids a written variable carries (see {@link BusinessIdPaths}) in the {@code business_id}
 * table, in the transaction that writes the variable, so that searching an instance by its id is an index lookup
 * instead of a scan of every variable's JSON. An instance keeps every id it has carried: a rewrite with the same id
 * records nothing new, one with another id adds it. Variables written before a path was configured (or before the
 * table existed) are indexed by {@link #backfillStep}, which the engine runs at start until nothing is left.
 */
public final class BusinessIdIndex {

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

  /** How far the backfill of one path got. */
  private record Progress(boolean done, long lastVariableKey) {}

  /**
   * Indexes up to {@code limit} variables, in key order, of the first configured path not yet backfilled, and marks
   * the path done when none are left; one step per command keeps each transaction small on a large store.
   *
   * @return false when every configured path is backfilled
   */
  public boolean backfillStep(int limit) {
    for (BusinessIdPaths.Path path : paths.paths()) {
      Optional<Progress> progress = sql.queryOne(
          "SELECT done, last_variable_key FROM business_id_backfill WHERE path = ?",
          row -> new Progress(row.getBoolean(1), row.getLong(2)), path.toString());
      if (progress.map(Progress::done).orElse(false)) {
        continue;
      }
      long[] last = {progress.map(Progress::lastVariableKey).orElse(0L)};
      List<Boolean> seen = sql.query("SELECT variable_key, process_instance_key, value_json FROM variable"
          + " WHERE name = ? AND variable_key > ? ORDER BY variable_key FETCH FIRST " + limit + " ROWS ONLY", row -> {
            last[0] = row.getLong(1);
            recordAt(List.of(path), row.getLong(2), row.getString(3));
            return true;
          }, path.variable(), last[0]);
      boolean done = seen.size() < limit;
      if (progress.isEmpty()) {
        sql.update("INSERT INTO business_id_backfill (path, done, last_variable_key) VALUES (?, ?, ?)",
            path.toString(), done, last[0]);
      } else {
        sql.update("UPDATE business_id_backfill SET done = ?, last_variable_key = ? WHERE path = ?", done, last[0],
            path.toString());
      }
      return true;
    }
    return false;
  }

  void record(long processInstanceKey, String variableName, String valueJson) {
    List<BusinessIdPaths.Path> pathsOfVariable = paths.of(variableName);
    if (!pathsOfVariable.isEmpty()) {
      recordAt(pathsOfVariable, processInstanceKey, valueJson);
    }
  }

  private void recordAt(List<BusinessIdPaths.Path> pathsOfVariable, long processInstanceKey, String valueJson) {
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
