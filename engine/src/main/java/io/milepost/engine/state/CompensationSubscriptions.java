package io.milepost.engine.state;

import java.util.List;
import java.util.Optional;

/**
 * Completed activities that can still be compensated, per scope, in order of completion (keys only
 * grow). The appliers of COMPENSATION_SUBSCRIPTION events.
 */
public final class CompensationSubscriptions {

  /** One completed activity instance and the handler that undoes it. */
  public record Subscription(long key, long processInstanceKey, long flowScopeKey, String elementId,
      long elementInstanceKey, String handlerId, Long thrownBy, Long handlerInstanceKey) {}

  private final Sql sql;
  private final Events events;

  CompensationSubscriptions(Sql sql, Events events) {
    this.sql = sql;
    this.events = events;
  }

  /** Subscriptions of a scope not being compensated yet, most recently completed first. */
  public List<Subscription> pendingOfScope(long flowScopeKey) {
    return sql.query("SELECT * FROM compensation_subscription WHERE flow_scope_key = ? AND thrown_by IS NULL "
        + "ORDER BY subscription_key DESC", CompensationSubscriptions::map, flowScopeKey);
  }

  public Optional<Subscription> ofHandlerInstance(long handlerInstanceKey) {
    return sql.queryOne("SELECT * FROM compensation_subscription WHERE handler_instance_key = ?",
        CompensationSubscriptions::map, handlerInstanceKey);
  }

  public long countThrownBy(long throwEventKey) {
    return sql.count("SELECT COUNT(*) FROM compensation_subscription WHERE thrown_by = ?", throwEventKey);
  }

  public void applyCreated(Subscription subscription) {
    sql.update("INSERT INTO compensation_subscription (subscription_key, process_instance_key, flow_scope_key, element_id, "
            + "element_instance_key, handler_id) VALUES (?, ?, ?, ?, ?, ?)",
        subscription.key(), subscription.processInstanceKey(), subscription.flowScopeKey(), subscription.elementId(),
        subscription.elementInstanceKey(), subscription.handlerId());
    events.record("COMPENSATION_SUBSCRIPTION", "CREATED", subscription.key(), subscription.processInstanceKey(),
        subscription.elementId(), Events.payload("elementInstanceKey", subscription.elementInstanceKey(),
            "flowScopeKey", subscription.flowScopeKey(), "handlerId", subscription.handlerId()));
  }

  /** A completed scope hands its subscriptions to its parent scope, whose compensation will include them. */
  public void applyMoved(long fromScopeKey, long toScopeKey) {
    sql.update("UPDATE compensation_subscription SET flow_scope_key = ? WHERE flow_scope_key = ? AND thrown_by IS NULL",
        toScopeKey, fromScopeKey);
  }

  public void applyTriggered(Subscription subscription, long throwEventKey, long handlerInstanceKey) {
    sql.update("UPDATE compensation_subscription SET thrown_by = ?, handler_instance_key = ? WHERE subscription_key = ?",
        throwEventKey, handlerInstanceKey, subscription.key());
    events.record("COMPENSATION_SUBSCRIPTION", "TRIGGERED", subscription.key(), subscription.processInstanceKey(),
        subscription.elementId(), Events.payload("handlerInstanceKey", handlerInstanceKey, "throwEventKey", throwEventKey));
  }

  public void applyCompleted(Subscription subscription) {
    sql.update("DELETE FROM compensation_subscription WHERE subscription_key = ?", subscription.key());
    events.record("COMPENSATION_SUBSCRIPTION", "COMPLETED", subscription.key(), subscription.processInstanceKey(),
        subscription.elementId(), java.util.Map.of());
  }

  /** The scope ended without compensating: what it could have undone can no longer be. */
  public void applyScopeEnded(long flowScopeKey) {
    sql.update("DELETE FROM compensation_subscription WHERE flow_scope_key = ?", flowScopeKey);
  }

  public void applyProcessInstanceEnded(long processInstanceKey) {
    sql.update("DELETE FROM compensation_subscription WHERE process_instance_key = ?", processInstanceKey);
  }

  private static Subscription map(java.sql.ResultSet row) throws java.sql.SQLException {
    return new Subscription(row.getLong("subscription_key"), row.getLong("process_instance_key"),
        row.getLong("flow_scope_key"), row.getString("element_id"), row.getLong("element_instance_key"),
        row.getString("handler_id"), Sql.nullableLong(row, "thrown_by"), Sql.nullableLong(row, "handler_instance_key"));
  }
}
