package io.milepost.engine.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Published messages waiting out their time to live, and the subscriptions that wait for messages. */
public final class Messages {

  /** A buffered message. */
  public record Message(long key, String name, String correlationKey, String messageId, String variablesJson,
      long expiresAt, String tenantId) {}

  /**
   * A subscription: of an element instance (catch event, receive task, or the activity / event-based
   * gateway that owns a boundary or following catch event), or of a process definition's message start event.
   */
  public record Subscription(long key, String messageName, String correlationKey, String elementId, Long elementInstanceKey,
      Long processInstanceKey, long processDefinitionKey, String bpmnProcessId, boolean interrupting, String tenantId) {

    public boolean isStartEvent() {
      return elementInstanceKey == null;
    }
  }

  private final Sql sql;
  private final Events events;

  Messages(Sql sql, Events events) {
    this.sql = sql;
    this.events = events;
  }

  public Optional<Message> liveWithId(String name, String messageId, long now) {
    return sql.queryOne("SELECT * FROM message WHERE name = ? AND message_id = ? AND expires_at > ?", Messages::mapMessage,
        name, messageId, now);
  }

  /** Live buffered messages for a name and correlation key, oldest first. */
  public List<Message> live(String name, String correlationKey, long now) {
    return sql.query("SELECT * FROM message WHERE name = ? AND correlation_key = ? AND expires_at > ? ORDER BY message_key",
        Messages::mapMessage, name, correlationKey, now);
  }

  public List<Message> expired(long now, int limit) {
    return sql.query("SELECT * FROM message WHERE expires_at <= ? ORDER BY expires_at FETCH FIRST ? ROWS ONLY",
        Messages::mapMessage, now, limit);
  }

  public boolean correlatedTo(long messageKey, long processInstanceKey) {
    return sql.count("SELECT COUNT(*) FROM message_instance_correlation WHERE message_key = ? AND process_instance_key = ?",
        messageKey, processInstanceKey) > 0;
  }

  public boolean correlatedToProcess(long messageKey, String bpmnProcessId) {
    return sql.count("SELECT COUNT(*) FROM message_correlation WHERE message_key = ? AND bpmn_process_id = ?",
        messageKey, bpmnProcessId) > 0;
  }

  /** The catch subscriptions waiting for this key and the message start events of the name, oldest first. */
  public List<Subscription> subscriptions(String name, String correlationKey) {
    // Two look-ups on (message_name, correlation_key) rather than one with an OR, which H2 can only narrow
    // by the name: with 100k instances waiting on one message name that read all 100k rows per correlation.
    List<Subscription> found = new ArrayList<>(sql.query("SELECT * FROM message_subscription "
        + "WHERE message_name = ? AND correlation_key = ?", Messages::mapSubscription, name, correlationKey));
    found.addAll(sql.query("SELECT * FROM message_subscription WHERE message_name = ? AND correlation_key IS NULL "
        + "AND element_instance_key IS NULL", Messages::mapSubscription, name));
    found.sort(Comparator.comparingLong(Subscription::key));
    return found;
  }

  public List<Subscription> subscriptionsOf(long elementInstanceKey) {
    return sql.query("SELECT * FROM message_subscription WHERE element_instance_key = ?", Messages::mapSubscription,
        elementInstanceKey);
  }

  public List<Subscription> startSubscriptionsOf(String bpmnProcessId) {
    return sql.query("SELECT * FROM message_subscription WHERE bpmn_process_id = ? AND element_instance_key IS NULL",
        Messages::mapSubscription, bpmnProcessId);
  }

  public void applyPublished(Message message) {
    sql.update("INSERT INTO message (message_key, name, correlation_key, message_id, variables_json, expires_at, tenant_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)", message.key(), message.name(), message.correlationKey(), message.messageId(),
        message.variablesJson(), message.expiresAt(), message.tenantId());
    events.recordOfNoInstance("MESSAGE", "PUBLISHED", message.key(), null,
        Events.payload("name", message.name(), "correlationKey", message.correlationKey(), "messageId", message.messageId()));
  }

  public void applyExpired(Message message) {
    sql.update("DELETE FROM message WHERE message_key = ?", message.key());
    sql.update("DELETE FROM message_instance_correlation WHERE message_key = ?", message.key());
    sql.update("DELETE FROM message_correlation WHERE message_key = ?", message.key());
    events.recordOfNoInstance("MESSAGE", "EXPIRED", message.key(), null, Map.of());
  }

  public void applyCorrelated(long messageKey, long processInstanceKey, String bpmnProcessId, String elementId) {
    sql.update("INSERT INTO message_instance_correlation (message_key, process_instance_key) VALUES (?, ?)", messageKey,
        processInstanceKey);
    if (bpmnProcessId != null) {
      sql.update("INSERT INTO message_correlation (message_key, bpmn_process_id) VALUES (?, ?)", messageKey, bpmnProcessId);
    }
    events.record("MESSAGE_SUBSCRIPTION", "CORRELATED", messageKey, processInstanceKey, elementId, Map.of());
  }

  public void applySubscribed(Subscription subscription) {
    sql.update("INSERT INTO message_subscription (subscription_key, message_name, correlation_key, element_id, element_instance_key, "
            + "process_instance_key, process_definition_key, bpmn_process_id, interrupting, tenant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        subscription.key(), subscription.messageName(), subscription.correlationKey(), subscription.elementId(),
        subscription.elementInstanceKey(), subscription.processInstanceKey(), subscription.processDefinitionKey(),
        subscription.bpmnProcessId(), subscription.interrupting(), subscription.tenantId());
    events.recordOfInstanceOrNone("MESSAGE_SUBSCRIPTION", "CREATED", subscription.key(),
        subscription.processInstanceKey(), subscription.elementId(),
        Events.payload("messageName", subscription.messageName(), "correlationKey", subscription.correlationKey()));
  }

  public void applyUnsubscribed(Subscription subscription) {
    sql.update("DELETE FROM message_subscription WHERE subscription_key = ?", subscription.key());
    events.recordOfInstanceOrNone("MESSAGE_SUBSCRIPTION", "DELETED", subscription.key(),
        subscription.processInstanceKey(), subscription.elementId(), Map.of());
  }

  private static Message mapMessage(java.sql.ResultSet row) throws java.sql.SQLException {
    return new Message(row.getLong("message_key"), row.getString("name"), row.getString("correlation_key"),
        row.getString("message_id"), row.getString("variables_json"), row.getLong("expires_at"), row.getString("tenant_id"));
  }

  private static Subscription mapSubscription(java.sql.ResultSet row) throws java.sql.SQLException {
    return new Subscription(row.getLong("subscription_key"), row.getString("message_name"), row.getString("correlation_key"),
        row.getString("element_id"), Sql.nullableLong(row, "element_instance_key"), Sql.nullableLong(row, "process_instance_key"),
        row.getLong("process_definition_key"), row.getString("bpmn_process_id"), row.getBoolean("interrupting"),
        row.getString("tenant_id"));
  }
}
