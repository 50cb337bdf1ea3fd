package io.milepost.engine.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Variables per scope, as JSON text; the appliers of VARIABLE events (which also record the business ids). */
public final class Variables {

  /** A stored variable. */
  public record Stored(long scopeKey, String name, String valueJson) {}

  private final Sql sql;
  private final Events events;
  private final KeySource keys;
  private final BusinessIdIndex businessIds;

  Variables(Sql sql, Events events, KeySource keys, BusinessIdIndex businessIds) {
    this.sql = sql;
    this.events = events;
    this.keys = keys;
    this.businessIds = businessIds;
  }

  /** Read-through cache of whole scopes for the running command; applySet keeps it current. */
  private final Map<Long, Map<String, String>> scopes = new java.util.HashMap<>();

  /** The variables defined directly on one scope, by name (JSON text). */
  public Map<String, String> ofScope(long scopeKey) {
    return java.util.Collections.unmodifiableMap(scopes.computeIfAbsent(scopeKey, key -> {
      Map<String, String> result = new LinkedHashMap<>();
      sql.query("SELECT name, value_json FROM variable WHERE scope_key = ? ORDER BY variable_key",
          row -> result.put(row.getString(1), row.getString(2)), key);
      return result;
    }));
  }

  /** Decoded values of the scopes the running command read, by name; applySet drops the ones it changes. */
  private final Map<Long, Map<String, Object>> decodedScopes = new java.util.HashMap<>();

  /**
   * The variables defined directly on one scope, each decoded with {@code decode} once per command: a command reads
   * a scope's variables for every mapping, condition, decision and job of the elements it passes. Its readers share
   * the values and must not change them.
   */
  public Map<String, Object> decodedOfScope(long scopeKey, Function<String, Object> decode) {
    Map<String, String> texts = ofScope(scopeKey);
    Map<String, Object> decoded = decodedScopes.computeIfAbsent(scopeKey, key -> new java.util.HashMap<>());
    if (decoded.size() != texts.size()) { // it only ever holds names of the scope's variables
      texts.forEach((name, json) -> {
        if (!decoded.containsKey(name)) {
          decoded.put(name, decode.apply(json));
        }
      });
    }
    return java.util.Collections.unmodifiableMap(decoded);
  }

  public List<Stored> ofProcessInstance(long processInstanceKey) {
    return sql.query("SELECT scope_key, name, value_json FROM variable WHERE process_instance_key = ? ORDER BY variable_key",
        row -> new Stored(row.getLong(1), row.getString(2), row.getString(3)), processInstanceKey);
  }

  public Optional<String> find(long scopeKey, String name) {
    return Optional.ofNullable(ofScope(scopeKey).get(name));
  }

  /**
   * A scope made in this transaction (its key is new): it holds no variables yet, so its first ones are inserted
   * without first trying an update.
   */
  public void newScope(long scopeKey) {
    scopes.putIfAbsent(scopeKey, new LinkedHashMap<>());
  }

  /**
   * Sets a variable on a scope. Where the scope is known (read or made in this transaction), the variable is
   * inserted or updated without a trial statement, and a value equal to the stored one writes nothing and records
   * no event, as a Camunda 8 variable set to its own value shows no update.
   */
  public void applySet(long scopeKey, long processInstanceKey, String name, String valueJson, String tenantId) {
    Map<String, Object> decoded = decodedScopes.get(scopeKey);
    if (decoded != null) {
      decoded.remove(name);
    }
    Map<String, String> cached = scopes.get(scopeKey);
    boolean exists;
    if (cached != null) {
      String stored = cached.put(name, valueJson);
      if (valueJson.equals(stored)) {
        return;
      }
      exists = stored != null;
      if (exists) {
        sql.update("UPDATE variable SET value_json = ? WHERE scope_key = ? AND name = ?", valueJson, scopeKey, name);
      }
    } else {
      exists = sql.update("UPDATE variable SET value_json = ? WHERE scope_key = ? AND name = ?", valueJson, scopeKey,
          name) > 0;
    }
    if (exists) {
      events.record("VARIABLE", "UPDATED", scopeKey, processInstanceKey, null,
          Events.payload("name", name, "scopeKey", scopeKey, "value", valueJson));
    } else {
      long key = keys.nextKey();
      sql.update("INSERT INTO variable (variable_key, scope_key, process_instance_key, name, value_json, tenant_id) "
          + "VALUES (?, ?, ?, ?, ?, ?)", key, scopeKey, processInstanceKey, name, valueJson, tenantId);
      events.record("VARIABLE", "CREATED", key, processInstanceKey, null,
          Events.payload("name", name, "scopeKey", scopeKey, "value", valueJson));
    }
    businessIds.record(processInstanceKey, name, valueJson);
  }
}
