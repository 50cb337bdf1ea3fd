package io.milepost.engine.state;

import java.util.List;
import java.util.Optional;

/** Deployments, process definitions and forms. */
public final class Definitions {

  /** A stored process definition row (the XML is parsed again only when not cached). */
  public record StoredProcess(long key, String bpmnProcessId, int version, String name, String resourceName,
      String checksum, long deploymentKey, String tenantId) {}

  /** A stored form row. */
  public record StoredForm(long key, String formId, int version, String resourceName, String checksum,
      long deploymentKey, String tenantId) {}

  private final Sql sql;
  private final Events events;

  Definitions(Sql sql, Events events) {
    this.sql = sql;
    this.events = events;
  }

  public Optional<StoredProcess> process(long key) {
    return sql.queryOne("SELECT * FROM process_definition WHERE process_definition_key = ?", Definitions::mapProcess, key);
  }

  public Optional<StoredProcess> latestProcess(String bpmnProcessId, String tenantId) {
    return sql.queryOne("SELECT * FROM process_definition WHERE bpmn_process_id = ? AND tenant_id = ? ORDER BY version DESC "
        + "FETCH FIRST 1 ROWS ONLY", Definitions::mapProcess, bpmnProcessId, tenantId);
  }

  /**
   * The processes a resource with this name and content was deployed as, if each is still its process's
   * latest version; empty otherwise (never deployed, or a process changed since).
   */
  public List<StoredProcess> latestDeployedFrom(String resourceName, String checksum, String tenantId) {
    List<StoredProcess> from = sql.query("SELECT * FROM process_definition p WHERE resource_name = ? AND checksum = ? "
        + "AND tenant_id = ? AND version = (SELECT MAX(version) FROM process_definition l "
        + "WHERE l.bpmn_process_id = p.bpmn_process_id AND l.tenant_id = p.tenant_id)", Definitions::mapProcess,
        resourceName, checksum, tenantId);
    long deployments = from.stream().mapToLong(StoredProcess::deploymentKey).distinct().count();
    // one deployment of this resource made all of them: none was replaced by another resource since
    return deployments == 1 && sql.count("SELECT COUNT(*) FROM process_definition WHERE deployment_key = ? "
        + "AND resource_name = ?", from.getFirst().deploymentKey(), resourceName) == from.size() ? from : List.of();
  }

  public Optional<StoredProcess> processVersion(String bpmnProcessId, int version, String tenantId) {
    return sql.queryOne("SELECT * FROM process_definition WHERE bpmn_process_id = ? AND version = ? AND tenant_id = ?",
        Definitions::mapProcess, bpmnProcessId, version, tenantId);
  }

  public String processXml(long key) {
    return sql.queryOne("SELECT bpmn_xml FROM process_definition WHERE process_definition_key = ?", r -> r.getString(1), key)
        .orElseThrow();
  }

  public Optional<StoredForm> latestForm(String formId, String tenantId) {
    return sql.queryOne("SELECT * FROM form WHERE form_id = ? AND tenant_id = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY",
        Definitions::mapForm, formId, tenantId);
  }

  public void applyDeployment(long key, String tenantId) {
    sql.update("INSERT INTO deployment (deployment_key, tenant_id, created_at) VALUES (?, ?, ?)", key, tenantId, events.now());
    events.recordOfNoInstance("DEPLOYMENT", "CREATED", key, null, java.util.Map.of());
  }

  public void applyProcess(StoredProcess process, String xml) {
    sql.update("INSERT INTO process_definition (process_definition_key, bpmn_process_id, version, name, resource_name, checksum, "
            + "deployment_key, tenant_id, bpmn_xml) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        process.key(), process.bpmnProcessId(), process.version(), process.name(), process.resourceName(),
        process.checksum(), process.deploymentKey(), process.tenantId(), xml);
    events.recordOfNoInstance("PROCESS", "CREATED", process.key(), process.bpmnProcessId(),
        Events.payload("version", process.version(), "resourceName", process.resourceName()));
  }

  public void applyForm(StoredForm form, String schemaJson) {
    sql.update("INSERT INTO form (form_key, form_id, version, resource_name, checksum, deployment_key, tenant_id, schema_json) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        form.key(), form.formId(), form.version(), form.resourceName(), form.checksum(), form.deploymentKey(),
        form.tenantId(), schemaJson);
    events.recordOfNoInstance("FORM", "CREATED", form.key(), form.formId(), Events.payload("version", form.version()));
  }

  private static StoredProcess mapProcess(java.sql.ResultSet row) throws java.sql.SQLException {
    return new StoredProcess(row.getLong("process_definition_key"), row.getString("bpmn_process_id"), row.getInt("version"),
        row.getString("name"), row.getString("resource_name"), row.getString("checksum"), row.getLong("deployment_key"),
        row.getString("tenant_id"));
  }

  private static StoredForm mapForm(java.sql.ResultSet row) throws java.sql.SQLException {
    return new StoredForm(row.getLong("form_key"), row.getString("form_id"), row.getInt("version"),
        row.getString("resource_name"), row.getString("checksum"), row.getLong("deployment_key"), row.getString("tenant_id"));
  }
}
