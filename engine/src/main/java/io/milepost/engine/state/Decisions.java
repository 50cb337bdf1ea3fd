package io.milepost.engine.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Deployed decision requirements graphs and decisions, and the decision instances evaluations leave. */
public final class Decisions {

  /** A stored DRG row (the DMN XML is parsed again only when not cached). */
  public record StoredRequirements(long key, String decisionRequirementsId, String name, int version,
      String resourceName, String checksum, long deploymentKey, String tenantId) {}

  public record StoredDecision(long key, String decisionId, String name, int version, String versionTag,
      long decisionRequirementsKey, String decisionRequirementsId, long deploymentKey, String tenantId) {}

  /** One decision evaluated within one evaluation; values are JSON text. */
  public record StoredInstance(String id, long evaluationKey, int index, StoredDecision decision, String decisionType,
      long rootDecisionKey, String state, String failure, String resultJson, String inputsJson,
      String matchedRulesJson, Long processDefinitionKey, Long processInstanceKey, Long elementInstanceKey,
      String elementId) {}

  private static final String DECISION_COLUMNS = "decision_definition_key, decision_id, name, version, version_tag, "
      + "decision_requirements_key, decision_requirements_id, deployment_key, tenant_id";

  private final Sql sql;
  private final Events events;

  Decisions(Sql sql, Events events) {
    this.sql = sql;
    this.events = events;
  }

  public Optional<StoredRequirements> latestRequirements(String decisionRequirementsId, String tenantId) {
    return sql.queryOne("SELECT * FROM decision_requirements WHERE decision_requirements_id = ? AND tenant_id = ? "
        + "ORDER BY version DESC FETCH FIRST 1 ROWS ONLY", Decisions::mapRequirements, decisionRequirementsId, tenantId);
  }

  public Optional<StoredRequirements> requirements(long key) {
    return sql.queryOne("SELECT * FROM decision_requirements WHERE decision_requirements_key = ?",
        Decisions::mapRequirements, key);
  }

  public String requirementsXml(long key) {
    return sql.queryOne("SELECT dmn_xml FROM decision_requirements WHERE decision_requirements_key = ?",
        r -> r.getString(1), key).orElseThrow();
  }

  public Optional<StoredDecision> decision(long key) {
    return sql.queryOne("SELECT " + DECISION_COLUMNS + " FROM decision_definition WHERE decision_definition_key = ?",
        Decisions::mapDecision, key);
  }

  public Optional<StoredDecision> latestDecision(String decisionId, String tenantId) {
    return sql.queryOne("SELECT " + DECISION_COLUMNS + " FROM decision_definition WHERE decision_id = ? AND tenant_id = ? "
        + "ORDER BY version DESC FETCH FIRST 1 ROWS ONLY", Decisions::mapDecision, decisionId, tenantId);
  }

  /** The version of a decision deployed by one deployment (binding type {@code deployment}). */
  public Optional<StoredDecision> decisionOfDeployment(String decisionId, long deploymentKey) {
    return sql.queryOne("SELECT " + DECISION_COLUMNS + " FROM decision_definition WHERE deployment_key = ? "
        + "AND decision_id = ?", Decisions::mapDecision, deploymentKey, decisionId);
  }

  /** The latest version of a decision that carries a version tag (binding type {@code versionTag}). */
  public Optional<StoredDecision> decisionWithVersionTag(String decisionId, String versionTag, String tenantId) {
    return sql.queryOne("SELECT " + DECISION_COLUMNS + " FROM decision_definition WHERE decision_id = ? AND version_tag = ? "
        + "AND tenant_id = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY", Decisions::mapDecision, decisionId,
        versionTag, tenantId);
  }

  public List<StoredDecision> decisionsOf(long decisionRequirementsKey) {
    return sql.query("SELECT " + DECISION_COLUMNS + " FROM decision_definition WHERE decision_requirements_key = ? "
        + "ORDER BY decision_definition_key", Decisions::mapDecision, decisionRequirementsKey);
  }

  public void applyRequirements(StoredRequirements requirements, String xml) {
    sql.update("INSERT INTO decision_requirements (decision_requirements_key, decision_requirements_id, name, version, "
            + "resource_name, checksum, deployment_key, tenant_id, dmn_xml) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        requirements.key(), requirements.decisionRequirementsId(), requirements.name(), requirements.version(),
        requirements.resourceName(), requirements.checksum(), requirements.deploymentKey(), requirements.tenantId(), xml);
    events.recordOfNoInstance("DECISION_REQUIREMENTS", "CREATED", requirements.key(),
        requirements.decisionRequirementsId(),
        Events.payload("version", requirements.version(), "resourceName", requirements.resourceName()));
  }

  public void applyDecision(StoredDecision decision) {
    sql.update("INSERT INTO decision_definition (" + DECISION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        decision.key(), decision.decisionId(), decision.name(), decision.version(), decision.versionTag(),
        decision.decisionRequirementsKey(), decision.decisionRequirementsId(), decision.deploymentKey(),
        decision.tenantId());
    events.recordOfNoInstance("DECISION", "CREATED", decision.key(), decision.decisionId(),
        Events.payload("version", decision.version(), "decisionRequirementsKey", decision.decisionRequirementsKey()));
  }

  public void applyInstance(StoredInstance instance) {
    StoredDecision decision = instance.decision();
    sql.update("INSERT INTO decision_instance (decision_instance_id, decision_evaluation_key, evaluation_index, "
            + "decision_definition_key, decision_id, decision_name, decision_version, decision_type, "
            + "root_decision_definition_key, decision_requirements_key, state, evaluation_date, evaluation_failure, "
            + "result_json, inputs_json, matched_rules_json, process_definition_key, process_instance_key, "
            + "element_instance_key, element_id, tenant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        instance.id(), instance.evaluationKey(), instance.index(), decision.key(), decision.decisionId(), decision.name(),
        decision.version(), instance.decisionType(), instance.rootDecisionKey(), decision.decisionRequirementsKey(),
        instance.state(), events.now(), instance.failure(), instance.resultJson(), instance.inputsJson(),
        instance.matchedRulesJson(), instance.processDefinitionKey(), instance.processInstanceKey(),
        instance.elementInstanceKey(), instance.elementId(), decision.tenantId());
  }

  /** One DECISION_EVALUATION event per evaluation, in the log of the process instance that asked (if any). */
  public void evaluated(long evaluationKey, StoredDecision decision, boolean failed, Long processInstanceKey,
      String elementId) {
    events.recordOfInstanceOrNone("DECISION_EVALUATION", failed ? "FAILED" : "EVALUATED", evaluationKey,
        processInstanceKey, elementId,
        Events.payload("decisionId", decision.decisionId(), "decisionVersion", decision.version(),
            "decisionKey", decision.key()));
  }

  private static StoredRequirements mapRequirements(ResultSet row) throws SQLException {
    return new StoredRequirements(row.getLong("decision_requirements_key"), row.getString("decision_requirements_id"),
        row.getString("name"), row.getInt("version"), row.getString("resource_name"), row.getString("checksum"),
        row.getLong("deployment_key"), row.getString("tenant_id"));
  }

  private static StoredDecision mapDecision(ResultSet row) throws SQLException {
    return new StoredDecision(row.getLong("decision_definition_key"), row.getString("decision_id"),
        row.getString("name"), row.getInt("version"), row.getString("version_tag"),
        row.getLong("decision_requirements_key"), row.getString("decision_requirements_id"),
        row.getLong("deployment_key"), row.getString("tenant_id"));
  }
}
