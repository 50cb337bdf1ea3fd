package io.milepost.engine.query;

import io.milepost.engine.state.Dialect;
import io.milepost.engine.state.EventLog;
import io.milepost.engine.state.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Writes rows of the V1 schema directly, standing in for the engine so the read side is tested alone. */
final class StoreFixture {

  static final long T0 = 1_700_000_000_000L;

  private final DataSource dataSource;

  StoreFixture(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  void processDefinition(long key, String bpmnProcessId, int version) {
    insert("INSERT INTO process_definition (process_definition_key, bpmn_process_id, version, name, resource_name,"
            + " checksum, deployment_key, tenant_id, bpmn_xml) VALUES (?, ?, ?, ?, ?, ?, ?, '<default>', ?)",
        key, bpmnProcessId, version, bpmnProcessId + " v" + version, bpmnProcessId + ".bpmn", "sha" + key, key - 1,
        "<definitions id='" + bpmnProcessId + "-" + version + "'/>");
  }

  void processInstance(long key, long definitionKey, String bpmnProcessId, String state, int incidentCount) {
    insert("INSERT INTO process_instance (process_instance_key, process_definition_key, bpmn_process_id, version,"
            + " state, start_time, end_time, incident_count, tenant_id) VALUES (?, ?, ?, 1, ?, ?, ?, ?, '<default>')",
        key, definitionKey, bpmnProcessId, state, T0 + key, "ACTIVE".equals(state) ? null : T0 + key + 5, incidentCount);
    elementInstance(key, key, null, bpmnProcessId, "PROCESS");
  }

  void elementInstance(long key, long processInstanceKey, Long flowScopeKey, String elementId, String type) {
    insert("INSERT INTO element_instance (element_instance_key, process_instance_key, flow_scope_key, element_id,"
            + " element_type, state, start_time) VALUES (?, ?, ?, ?, ?, 'ELEMENT_ACTIVATED', ?)",
        key, processInstanceKey, flowScopeKey, elementId, type, T0 + key);
  }

  /** A definition with real BPMN, so the names of its elements can be read. */
  void processDefinitionWithXml(long key, String bpmnProcessId, String xml) {
    insert("INSERT INTO process_definition (process_definition_key, bpmn_process_id, version, name, resource_name,"
            + " checksum, deployment_key, tenant_id, bpmn_xml) VALUES (?, ?, 1, ?, ?, ?, ?, '<default>', ?)",
        key, bpmnProcessId, bpmnProcessId, bpmnProcessId + ".bpmn", "sha" + key, key - 1, xml);
  }

  void elementInstance(long key, long processInstanceKey, String elementId, String type, String state,
      Long incidentKey) {
    insert("INSERT INTO element_instance (element_instance_key, process_instance_key, flow_scope_key, element_id,"
            + " element_type, state, start_time, end_time, incident_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        key, processInstanceKey, processInstanceKey, elementId, type, state, T0 + key,
        "COMPLETED".equals(state) || "TERMINATED".equals(state) ? T0 + key + 1 : null, incidentKey);
  }

  void messageSubscription(long key, String messageName, String correlationKey, String elementId,
      long elementInstanceKey, long processInstanceKey) {
    insert("INSERT INTO message_subscription (subscription_key, message_name, correlation_key, element_id,"
            + " element_instance_key, process_instance_key, process_definition_key, bpmn_process_id, interrupting,"
            + " tenant_id) VALUES (?, ?, ?, ?, ?, ?, 1, 'order', TRUE, '<default>')",
        key, messageName, correlationKey, elementId, elementInstanceKey, processInstanceKey);
  }

  void sequenceFlowTaken(long recordKey, long processInstanceKey, String flowId) {
    insert("INSERT INTO event_log (record_key, value_type, intent, process_instance_key, element_id, element_type,"
            + " created_at) VALUES (?, 'PROCESS_INSTANCE', 'SEQUENCE_FLOW_TAKEN', ?, ?, 'SEQUENCE_FLOW', ?)",
        recordKey, processInstanceKey, flowId, T0 + recordKey);
  }

  void variable(long key, long scopeKey, long processInstanceKey, String name, String valueJson) {
    insert("INSERT INTO variable (variable_key, scope_key, process_instance_key, name, value_json, tenant_id)"
            + " VALUES (?, ?, ?, ?, ?, '<default>')",
        key, scopeKey, processInstanceKey, name, valueJson);
  }

  void businessId(long processInstanceKey, String path, String id) {
    insert("INSERT INTO business_id (process_instance_key, path, business_id) VALUES (?, ?, ?)", processInstanceKey,
        path, id);
  }

  void job(long key, String type, String state, long processInstanceKey, long elementInstanceKey) {
    insert("INSERT INTO job (job_key, job_type, state, retries, worker, deadline, process_instance_key,"
            + " element_instance_key, element_id, bpmn_process_id, process_definition_key, process_version,"
            + " custom_headers, kind, tenant_id, created_at)"
            + " VALUES (?, ?, ?, 3, ?, ?, ?, ?, 'task', 'order', 1, 1, '{}', 'BPMN_ELEMENT', '<default>', ?)",
        key, type, state, "ACTIVATED".equals(state) ? "worker-1" : null, "ACTIVATED".equals(state) ? T0 + 60_000 : null,
        processInstanceKey, elementInstanceKey, T0 + key);
  }

  void incident(long key, long processInstanceKey, String state, Long jobKey) {
    insert("INSERT INTO incident (incident_key, process_instance_key, process_definition_key, bpmn_process_id,"
            + " element_id, element_instance_key, job_key, error_type, error_message, state, created_at, tenant_id)"
            + " VALUES (?, ?, 1, 'order', 'task', ?, ?, 'JOB_NO_RETRIES', 'No more retries left.', ?, ?, '<default>')",
        key, processInstanceKey, processInstanceKey + 1, jobKey, state, T0 + key);
  }

  void userTask(long key, long processInstanceKey, String state, String assignee, String candidateGroupsJson) {
    insert("INSERT INTO user_task (user_task_key, name, state, assignee, candidate_groups, candidate_users,"
            + " element_id, element_instance_key, process_instance_key, process_definition_key, bpmn_process_id,"
            + " process_version, created_at, form_key, priority, custom_headers, tenant_id)"
            + " VALUES (?, 'Check parcel', ?, ?, ?, '[\"ana\"]', 'check', ?, ?, 1, 'order', 1, ?, 'form-7', 60,"
            + " '{\"site\":\"DS-1\"}', '<default>')",
        key, state, assignee, candidateGroupsJson, key + 1, processInstanceKey, T0 + key);
  }

  void userTaskDueAndPriority(long key, String dueDate, int priority) {
    insert("UPDATE user_task SET due_date = ?, priority = ? WHERE user_task_key = ?", dueDate, priority, key);
  }

  void childOf(long processInstanceKey, long parentKey) {
    insert("UPDATE process_instance SET parent_process_instance_key = ? WHERE process_instance_key = ?", parentKey,
        processInstanceKey);
  }

  void event(long recordKey, String valueType, String intent, long processInstanceKey) {
    insert("INSERT INTO event_log (record_key, value_type, intent, process_instance_key, element_id, element_type,"
            + " created_at, payload_json) VALUES (?, ?, ?, ?, 'task', 'SERVICE_TASK', ?, '{}')",
        recordKey, valueType, intent, processInstanceKey, T0 + recordKey);
  }

  /** The events of one command as the engine writes them: each run of one instance's events packed into a row. */
  void eventsOfOneCommand(List<EventLog.Entry> events) {
    try (Connection connection = dataSource.getConnection()) {
      EventLog log = new EventLog();
      events.forEach(log::append);
      log.flush(new Sql(connection, Dialect.fromProductName(connection.getMetaData().getDatabaseProductName())));
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to write the events of a command, but: " + e.getMessage(), e);
    }
  }

  long eventLogRows() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM event_log");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to count the event log's rows, but: " + e.getMessage(), e);
    }
  }

  private void insert(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to insert test data with " + sql + ", but: " + e.getMessage(), e);
    }
  }
}
