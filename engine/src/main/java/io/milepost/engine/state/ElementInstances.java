package io.milepost.engine.state;

import io.milepost.engine.model.BpmnElementType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Element instances: reads for processors, and the appliers of element lifecycle events.
 *
 * <p>Rows are written behind: an element often passes several states within one command (a start or
 * end event goes from activating to completed at once), so its row is held in memory and written once,
 * in its last state, when the command ends ({@link #flush}) or before a query that could see it.
 */
public final class ElementInstances {

  private static final String COLUMNS =
      "element_instance_key, process_instance_key, flow_scope_key, element_id, element_type, state, loop_counter";

  private final Sql sql;
  private final Events events;
  /** Read-through cache for the running command; every write below keeps it current. */
  private final Map<Long, ElementInstance> cache = new HashMap<>();
  /** Rows changed by the running command and not yet written, in the order they were first changed. */
  private final Map<Long, Pending> pending = new LinkedHashMap<>();

  /** @param isNew not in the table yet: inserted on flush, else updated */
  private record Pending(ElementInstance instance, boolean isNew, long startTime, Long endTime) {}

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
    flush();
    return sql.query("SELECT " + COLUMNS + " FROM element_instance WHERE flow_scope_key = ? AND state NOT IN ('COMPLETED', 'TERMINATED') "
        + "ORDER BY element_instance_key", ElementInstances::map, flowScopeKey);
  }

  public long countActiveChildren(long flowScopeKey) {
    flush();
    return sql.count("SELECT COUNT(*) FROM element_instance WHERE flow_scope_key = ? AND state NOT IN ('COMPLETED', 'TERMINATED')",
        flowScopeKey);
  }

  /** Children of a scope in any state (multi-instance bodies count their finished inner instances). */
  public long countChildren(long flowScopeKey, ElementState state) {
    flush();
    return sql.count("SELECT COUNT(*) FROM element_instance WHERE flow_scope_key = ? AND state = ?", flowScopeKey, state);
  }

  public void applyActivating(ElementInstance instance) {
    ElementInstance activating = instance.withState(ElementState.ACTIVATING);
    pending.put(instance.key(), new Pending(activating, true, events.now(), null));
    cache.put(instance.key(), activating);
    events.element(instance, "ELEMENT_ACTIVATING");
  }

  public ElementInstance applyState(ElementInstance instance, ElementState newState) {
    ElementInstance updated = instance.withState(newState);
    Pending before = pending.get(instance.key());
    Long endTime = newState.isFinal() ? Long.valueOf(events.now()) : null;
    pending.put(instance.key(), before == null
        ? new Pending(updated, false, 0, endTime)
        : new Pending(updated, before.isNew(), before.startTime(), endTime));
    cache.put(updated.key(), updated);
    events.element(updated, "ELEMENT_" + newState.name());
    return updated;
  }

  /** Writes the rows held back; called before queries that could see them and when the command ends. */
  public void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    for (Pending row : pending.values()) {
      ElementInstance i = row.instance();
      if (row.isNew()) {
        inserts.add(new Object[] {i.key(), i.processInstanceKey(), i.flowScopeKey(), i.elementId(), i.elementType(),
            i.state(), i.loopCounter(), row.startTime(), row.endTime()});
      } else {
        updates.add(new Object[] {i.state(), row.endTime(), i.key()});
      }
    }
    pending.clear();
    if (!inserts.isEmpty()) {
      sql.batch("INSERT INTO element_instance (" + COLUMNS + ", start_time, end_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          inserts);
    }
    if (!updates.isEmpty()) {
      sql.batch("UPDATE element_instance SET state = ?, end_time = COALESCE(CAST(? AS BIGINT), end_time) WHERE element_instance_key = ?",
          updates);
    }
  }

  /** A sequence flow was taken out of {@code from}; it is an event only, with no row of its own. */
  public void logFlowTaken(ElementInstance from, String flowId) {
    events.element(new ElementInstance(from.key(), from.processInstanceKey(), from.flowScopeKey(), flowId,
        BpmnElementType.SEQUENCE_FLOW, ElementState.COMPLETED, null), "SEQUENCE_FLOW_TAKEN");
  }

  public void applyIncident(long elementInstanceKey, Long incidentKey) {
    flush();
    sql.update("UPDATE element_instance SET incident_key = ? WHERE element_instance_key = ?", incidentKey, elementInstanceKey);
  }

  public void applyDetail(long elementInstanceKey, String detailJson) {
    flush();
    sql.update("UPDATE element_instance SET detail = ? WHERE element_instance_key = ?", detailJson, elementInstanceKey);
  }

  public Optional<String> detail(long elementInstanceKey) {
    flush();
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
