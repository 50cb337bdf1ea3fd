package io.milepost.engine.state;

import io.milepost.engine.model.BpmnElementType;
import java.util.List;
import java.util.Optional;

/** Element instances: reads for processors, and the appliers of element lifecycle events. */
public final class ElementInstances {

  private static final String COLUMNS =
      "element_instance_key, process_instance_key, flow_scope_key, element_id, element_type, state, loop_counter";

  private final Sql sql;
  private final Events events;
  /** Read-through cache for the running command; every write below keeps it current. */
  private final java.util.Map<Long, ElementInstance> cache = new java.util.HashMap<>();

  ElementInstances(Sql sql, Events events) {
    this.sql = sql;
    this.events = events;
  }

  public Optional<ElementInstance> get(long key) {
    ElementInstance cached = cache.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<ElementInstance> loaded = sql.queryOne("SELECT " + COLUMNS + " FROM element_instance WHERE element_instance_key = ?",
        ElementInstances::map, key);
    loaded.ifPresent(instance -> cache.put(key, instance));
    return loaded;
  }

  /** The children of a scope that have not finished, oldest first. */
  public List<ElementInstance> activeChildren(long flowScopeKey) {
    return sql.query("SELECT " + COLUMNS + " FROM element_instance WHERE flow_scope_key = ? AND state NOT IN ('COMPLETED', 'TERMINATED') "
        + "ORDER BY element_instance_key", ElementInstances::map, flowScopeKey);
  }

  public long countActiveChildren(long flowScopeKey) {
    return sql.count("SELECT COUNT(*) FROM element_instance WHERE flow_scope_key = ? AND state NOT IN ('COMPLETED', 'TERMINATED')",
        flowScopeKey);
  }

  /** Children of a scope in any state (multi-instance bodies count their finished inner instances). */
  public long countChildren(long flowScopeKey, ElementState state) {
    return sql.count("SELECT COUNT(*) FROM element_instance WHERE flow_scope_key = ? AND state = ?", flowScopeKey, state);
  }

  public void applyActivating(ElementInstance instance) {
    sql.update("INSERT INTO element_instance (" + COLUMNS + ", start_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        instance.key(), instance.processInstanceKey(), instance.flowScopeKey(), instance.elementId(),
        instance.elementType(), ElementState.ACTIVATING, instance.loopCounter(), events.now());
    cache.put(instance.key(), instance.withState(ElementState.ACTIVATING));
    events.element(instance, "ELEMENT_ACTIVATING");
  }

  public ElementInstance applyState(ElementInstance instance, ElementState newState) {
    if (newState.isFinal()) {
      sql.update("UPDATE element_instance SET state = ?, end_time = ? WHERE element_instance_key = ?",
          newState, events.now(), instance.key());
    } else {
      sql.update("UPDATE element_instance SET state = ? WHERE element_instance_key = ?", newState, instance.key());
    }
    ElementInstance updated = instance.withState(newState);
    cache.put(updated.key(), updated);
    events.element(updated, "ELEMENT_" + newState.name());
    return updated;
  }

  /** A sequence flow was taken out of {@code from}; it is an event only, with no row of its own. */
  public void logFlowTaken(ElementInstance from, String flowId) {
    events.element(new ElementInstance(from.key(), from.processInstanceKey(), from.flowScopeKey(), flowId,
        BpmnElementType.SEQUENCE_FLOW, ElementState.COMPLETED, null), "SEQUENCE_FLOW_TAKEN");
  }

  public void applyIncident(long elementInstanceKey, Long incidentKey) {
    sql.update("UPDATE element_instance SET incident_key = ? WHERE element_instance_key = ?", incidentKey, elementInstanceKey);
  }

  public void applyDetail(long elementInstanceKey, String detailJson) {
    sql.update("UPDATE element_instance SET detail = ? WHERE element_instance_key = ?", detailJson, elementInstanceKey);
  }

  public Optional<String> detail(long elementInstanceKey) {
    return sql.queryOne("SELECT detail FROM element_instance WHERE element_instance_key = ?", r -> r.getString(1),
        elementInstanceKey);
  }

  private static ElementInstance map(java.sql.ResultSet row) throws java.sql.SQLException {
    int loop = row.getInt("loop_counter");
    Integer loopCounter = row.wasNull() ? null : loop;
    return new ElementInstance(row.getLong("element_instance_key"), row.getLong("process_instance_key"),
        Sql.nullableLong(row, "flow_scope_key"), row.getString("element_id"),
        BpmnElementType.valueOf(row.getString("element_type")), ElementState.valueOf(row.getString("state")), loopCounter);
  }
}
