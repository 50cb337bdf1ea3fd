package io.milepost.engine.state;

import io.milepost.engine.api.IncidentState;
import java.util.List;
import java.util.Optional;

/** Incidents: reads for processors and the appliers of INCIDENT events. */
public final class Incidents {

  private final Sql sql;
  private final Events events;

  Incidents(Sql sql, Events events) {
    this.sql = sql;
    this.events = events;
  }

  public Optional<Incident> get(long key) {
    return sql.queryOne("SELECT * FROM incident WHERE incident_key = ?", Incidents::map, key);
  }

  public List<Incident> activeOfProcessInstance(long processInstanceKey) {
    return sql.query("SELECT * FROM incident WHERE process_instance_key = ? AND state = 'ACTIVE'", Incidents::map, processInstanceKey);
  }

  public Optional<Incident> activeOfElement(long elementInstanceKey) {
    return sql.queryOne("SELECT * FROM incident WHERE element_instance_key = ? AND state = 'ACTIVE'", Incidents::map,
        elementInstanceKey);
  }

  public void applyCreated(long key, ProcessInstance instance, long elementInstanceKey, String elementId, Long jobKey,
      String errorType, String errorMessage) {
    sql.update("INSERT INTO incident (incident_key, process_instance_key, process_definition_key, bpmn_process_id, element_id, "
            + "element_instance_key, job_key, error_type, error_message, state, created_at, tenant_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)",
        key, instance.key(), instance.processDefinitionKey(), instance.bpmnProcessId(), elementId, elementInstanceKey,
        jobKey, errorType, errorMessage, events.now(), instance.tenantId());
    events.record("INCIDENT", "CREATED", key, instance.key(), elementId,
        Events.payload("errorType", errorType, "errorMessage", errorMessage, "jobKey", jobKey,
            "elementInstanceKey", elementInstanceKey));
  }

  public void applyResolved(Incident incident) {
    sql.update("UPDATE incident SET state = 'RESOLVED', resolved_at = ? WHERE incident_key = ?", events.now(), incident.key());
    events.record("INCIDENT", "RESOLVED", incident.key(), incident.processInstanceKey(), incident.elementId(), java.util.Map.of());
  }

  private static Incident map(java.sql.ResultSet row) throws java.sql.SQLException {
    return new Incident(row.getLong("incident_key"), row.getLong("process_instance_key"), row.getLong("element_instance_key"),
        row.getString("element_id"), Sql.nullableLong(row, "job_key"), row.getString("error_type"),
        row.getString("error_message"), IncidentState.valueOf(row.getString("state")));
  }
}
