package io.milepost.engine.state;

import java.util.List;
import java.util.Optional;

/** Timers waiting to fire: on a catch event, on a boundary event's activity, or on a timer start event. */
public final class Timers {

  /** A timer row. {@code elementInstanceKey} is the waiting catch event or the activity of a boundary event. */
  public record Timer(long key, long dueAt, int repetitions, Long intervalMillis, String elementId, Long elementInstanceKey,
      Long processInstanceKey, long processDefinitionKey, String tenantId) {}

  private final Sql sql;
  private final Events events;

  Timers(Sql sql, Events events) {
    this.sql = sql;
    this.events = events;
  }

  public List<Timer> due(long now, int limit) {
    return sql.query("SELECT * FROM timer WHERE due_at <= ? ORDER BY due_at, timer_key FETCH FIRST ? ROWS ONLY"
        + sql.dialect().lockRowsSkipLocked(), Timers::map, now, limit);
  }

  public Optional<Timer> get(long key) {
    return sql.queryOne("SELECT * FROM timer WHERE timer_key = ?", Timers::map, key);
  }

  public List<Timer> ofElementInstance(long elementInstanceKey) {
    return sql.query("SELECT * FROM timer WHERE element_instance_key = ?", Timers::map, elementInstanceKey);
  }

  public List<Timer> startTimersOf(long processDefinitionKey) {
    return sql.query("SELECT * FROM timer WHERE process_definition_key = ? AND element_instance_key IS NULL", Timers::map,
        processDefinitionKey);
  }

  public void applyCreated(Timer timer) {
    sql.update("INSERT INTO timer (timer_key, due_at, repetitions, interval_millis, element_id, element_instance_key, "
            + "process_instance_key, process_definition_key, tenant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        timer.key(), timer.dueAt(), timer.repetitions(), timer.intervalMillis(), timer.elementId(),
        timer.elementInstanceKey(), timer.processInstanceKey(), timer.processDefinitionKey(), timer.tenantId());
    events.recordOfInstanceOrNone("TIMER", "CREATED", timer.key(), timer.processInstanceKey(),
        timer.elementId(), Events.payload("dueDate", timer.dueAt(), "repetitions", timer.repetitions()));
  }

  public void applyTriggered(Timer timer) {
    sql.update("DELETE FROM timer WHERE timer_key = ?", timer.key());
    events.recordOfInstanceOrNone("TIMER", "TRIGGERED", timer.key(), timer.processInstanceKey(),
        timer.elementId(), Events.payload("dueDate", timer.dueAt()));
  }

  public void applyCanceled(Timer timer) {
    sql.update("DELETE FROM timer WHERE timer_key = ?", timer.key());
    events.recordOfInstanceOrNone("TIMER", "CANCELED", timer.key(), timer.processInstanceKey(),
        timer.elementId(), java.util.Map.of());
  }

  private static Timer map(java.sql.ResultSet row) throws java.sql.SQLException {
    return new Timer(row.getLong("timer_key"), row.getLong("due_at"), row.getInt("repetitions"),
        Sql.nullableLong(row, "interval_millis"), row.getString("element_id"), Sql.nullableLong(row, "element_instance_key"),
        Sql.nullableLong(row, "process_instance_key"), row.getLong("process_definition_key"), row.getString("tenant_id"));
  }
}
