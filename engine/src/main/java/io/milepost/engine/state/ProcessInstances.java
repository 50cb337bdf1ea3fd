package io.milepost.engine.state;

import io.milepost.engine.api.ProcessInstanceState;
import java.util.List;
import java.util.Optional;

/** Process instance rows (searchable summary of each instance). */
public final class ProcessInstances {

  private final Sql sql;
  private final Events events;

  /** Read-through cache for the running command (the facts cached here do not change, but the state is refreshed on end). */
  private final java.util.Map<Long, ProcessInstance> cache = new java.util.HashMap<>();

  ProcessInstances(Sql sql, Events events) {
    this.sql = sql;
    this.events = events;
  }

  public Optional<ProcessInstance> get(long key) {
    ProcessInstance cached = cache.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<ProcessInstance> loaded = load(key);
    loaded.ifPresent(instance -> cache.put(key, instance));
    return loaded;
  }

  private Optional<ProcessInstance> load(long key) {
    return sql.queryOne("SELECT * FROM process_instance WHERE process_instance_key = ?", row -> new ProcessInstance(
        row.getLong("process_instance_key"), row.getLong("process_definition_key"), row.getString("bpmn_process_id"),
        row.getInt("version"), ProcessInstanceState.valueOf(row.getString("state")),
        Sql.nullableLong(row, "parent_process_instance_key"), Sql.nullableLong(row, "parent_element_instance_key"),
        row.getString("tenant_id")), key);
  }

  /** Child instances started by call activities of this instance that are still active. */
  public List<Long> activeChildren(long processInstanceKey) {
    return sql.query("SELECT process_instance_key FROM process_instance WHERE parent_process_instance_key = ? AND state = 'ACTIVE'",
        row -> row.getLong(1), processInstanceKey);
  }

  public void applyCreated(ProcessInstance instance) {
    sql.update("INSERT INTO process_instance (process_instance_key, process_definition_key, bpmn_process_id, version, "
            + "state, start_time, parent_process_instance_key, parent_element_instance_key, tenant_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        instance.key(), instance.processDefinitionKey(), instance.bpmnProcessId(), instance.version(),
        ProcessInstanceState.ACTIVE, events.now(), instance.parentProcessInstanceKey(),
        instance.parentElementInstanceKey(), instance.tenantId());
  }

  public void applyEnded(long key, ProcessInstanceState state) {
    cache.remove(key);
    sql.update("UPDATE process_instance SET state = ?, end_time = ? WHERE process_instance_key = ?", state, events.now(), key);
    // a look-up by primary key that finds nothing for the instances no message started
    sql.update("DELETE FROM message_started_instance WHERE process_instance_key = ?", key);
  }

  /**
   * A message started the instance with a correlation key: while it is active, no other instance of the process is
   * started for that key.
   */
  public void applyCorrelationKey(long key, String bpmnProcessId, String correlationKey) {
    sql.update("INSERT INTO message_started_instance (process_instance_key, bpmn_process_id, correlation_key) "
        + "VALUES (?, ?, ?)", key, bpmnProcessId, correlationKey);
  }

  public boolean hasActiveWithCorrelationKey(String bpmnProcessId, String correlationKey) {
    return sql.count("SELECT COUNT(*) FROM message_started_instance WHERE bpmn_process_id = ? AND correlation_key = ?",
        bpmnProcessId, correlationKey) > 0;
  }

  public void applyIncidentCount(long key, int delta) {
    sql.update("UPDATE process_instance SET incident_count = incident_count + ? WHERE process_instance_key = ?", delta, key);
  }
}
