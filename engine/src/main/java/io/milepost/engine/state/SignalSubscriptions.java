package io.milepost.engine.state;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who waits for a signal: a signal start event of a process's latest version (no element instance),
 * an intermediate catch event, an activity for its boundary event, or a scope for its event
 * sub-process start. The appliers of SIGNAL_SUBSCRIPTION and SIGNAL events.
 */
public final class SignalSubscriptions {

  /** A subscription row; {@code elementId} is the catching event, {@code elementInstanceKey} the instance that waits. */
  public record Subscription(long key, String signalName, String elementId, Long elementInstanceKey,
      Long processInstanceKey, long processDefinitionKey, boolean interrupting, String tenantId) {}

  private final Sql sql;
  private final Events events;

  SignalSubscriptions(Sql sql, Events events) {
    this.sql = sql;
    this.events = events;
  }

  public List<Subscription> ofName(String signalName, String tenantId) {
    return sql.query("SELECT * FROM signal_subscription WHERE signal_name = ? AND tenant_id = ? ORDER BY subscription_key",
        SignalSubscriptions::map, signalName, tenantId);
  }

  public Optional<Subscription> get(long key) {
    return sql.queryOne("SELECT * FROM signal_subscription WHERE subscription_key = ?", SignalSubscriptions::map, key);
  }

  public List<Subscription> ofElementInstance(long elementInstanceKey) {
    return sql.query("SELECT * FROM signal_subscription WHERE element_instance_key = ?", SignalSubscriptions::map,
        elementInstanceKey);
  }

  /** The start event subscriptions of every version of a process. */
  public List<Subscription> startEventsOf(String bpmnProcessId, String tenantId) {
    return sql.query("SELECT s.* FROM signal_subscription s JOIN process_definition d "
        + "ON d.process_definition_key = s.process_definition_key WHERE s.element_instance_key IS NULL "
        + "AND d.bpmn_process_id = ? AND d.tenant_id = ?", SignalSubscriptions::map, bpmnProcessId, tenantId);
  }

  public void applyCreated(Subscription subscription) {
    sql.update("INSERT INTO signal_subscription (subscription_key, signal_name, element_id, element_instance_key, "
            + "process_instance_key, process_definition_key, interrupting, tenant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        subscription.key(), subscription.signalName(), subscription.elementId(), subscription.elementInstanceKey(),
        subscription.processInstanceKey(), subscription.processDefinitionKey(), subscription.interrupting(),
        subscription.tenantId());
    events.recordOfInstanceOrNone("SIGNAL_SUBSCRIPTION", "CREATED", subscription.key(),
        subscription.processInstanceKey(),
        subscription.elementId(), Events.payload("signalName", subscription.signalName(),
            "elementInstanceKey", subscription.elementInstanceKey()));
  }

  public void applyDeleted(Subscription subscription) {
    sql.update("DELETE FROM signal_subscription WHERE subscription_key = ?", subscription.key());
    events.recordOfInstanceOrNone("SIGNAL_SUBSCRIPTION", "DELETED", subscription.key(),
        subscription.processInstanceKey(),
        subscription.elementId(), Events.payload("signalName", subscription.signalName()));
  }

  /** A signal was broadcast; it is an event only (signals are not kept). */
  public void applyBroadcast(long key, String signalName, Map<String, ?> variables) {
    events.recordOfNoInstance("SIGNAL", "BROADCASTED", key, null,
        Events.payload("signalName", signalName, "variables", variables));
  }

  private static Subscription map(java.sql.ResultSet row) throws java.sql.SQLException {
    return new Subscription(row.getLong("subscription_key"), row.getString("signal_name"), row.getString("element_id"),
        Sql.nullableLong(row, "element_instance_key"), Sql.nullableLong(row, "process_instance_key"),
        row.getLong("process_definition_key"), row.getBoolean("interrupting"), row.getString("tenant_id"));
  }
}
