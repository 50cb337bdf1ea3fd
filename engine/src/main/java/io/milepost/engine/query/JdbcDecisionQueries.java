package io.milepost.engine.query;

import io.milepost.engine.api.DecisionDefinitionFilter;
import io.milepost.engine.api.DecisionDefinitionView;
import io.milepost.engine.api.DecisionInstanceFilter;
import io.milepost.engine.api.DecisionInstanceView;
import io.milepost.engine.api.DecisionQueries;
import io.milepost.engine.api.DecisionRequirementsFilter;
import io.milepost.engine.api.DecisionRequirementsView;
import io.milepost.engine.api.EvaluatedDecision;
import io.milepost.engine.api.Page;
import io.milepost.engine.api.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The DMN read side in plain JDBC over the V6 schema, paged and counted like {@link JdbcEngineQueries}. */
public final class JdbcDecisionQueries implements DecisionQueries {

  private static final TypeReference<List<EvaluatedDecision.EvaluatedInput>> INPUTS = new TypeReference<>() {};
  private static final TypeReference<List<EvaluatedDecision.MatchedRule>> RULES = new TypeReference<>() {};
  /** A decision definition with the name and version of its graph. */
  private static final String DEFINITIONS = "(SELECT d.*, r.name AS requirements_name, r.version AS requirements_version "
      + "FROM decision_definition d JOIN decision_requirements r ON r.decision_requirements_key = d.decision_requirements_key) d";

  private final Jdbc jdbc;
  private final JsonMapper json;
  private final PagedSearch search;

  public JdbcDecisionQueries(DataSource dataSource, JsonMapper json) {
    this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
    this.json = Objects.requireNonNull(json, "json");
    this.search = new PagedSearch(jdbc, JdbcEngineQueries.MAX_TOTAL_ITEMS);
  }

  @Override
  public Page<DecisionDefinitionView> searchDecisionDefinitions(DecisionDefinitionFilter filter, PageRequest page) {
    Where where = new Where()
        .equal("d.decision_definition_key", filter.key())
        .equal("d.decision_id", filter.decisionId())
        .equal("d.name", filter.name())
        .equal("d.version", filter.version())
        .equal("d.decision_requirements_key", filter.decisionRequirementsKey())
        .equal("d.decision_requirements_id", filter.decisionRequirementsId())
        .whenTrue(filter.latestOnly(), "d.version = (SELECT MAX(l.version) FROM decision_definition l"
            + " WHERE l.decision_id = d.decision_id AND l.tenant_id = d.tenant_id)");
    return search.search(DEFINITIONS, List.of(), "d.decision_definition_key", where, page, this::definition);
  }

  @Override
  public Optional<DecisionDefinitionView> decisionDefinition(long decisionDefinitionKey) {
    return jdbc.single("SELECT * FROM " + DEFINITIONS + " WHERE d.decision_definition_key = ?",
        List.of(decisionDefinitionKey), this::definition);
  }

  @Override
  public Page<DecisionRequirementsView> searchDecisionRequirements(DecisionRequirementsFilter filter, PageRequest page) {
    Where where = new Where()
        .equal("decision_requirements_key", filter.key())
        .equal("decision_requirements_id", filter.decisionRequirementsId())
        .equal("name", filter.name())
        .equal("version", filter.version());
    return search.search("decision_requirements", List.of(), "decision_requirements_key", where, page,
        JdbcDecisionQueries::requirements);
  }

  @Override
  public Optional<DecisionRequirementsView> decisionRequirements(long decisionRequirementsKey) {
    return jdbc.single("SELECT * FROM decision_requirements WHERE decision_requirements_key = ?",
        List.of(decisionRequirementsKey), JdbcDecisionQueries::requirements);
  }

  @Override
  public Optional<String> decisionRequirementsXml(long decisionRequirementsKey) {
    return jdbc.single("SELECT dmn_xml FROM decision_requirements WHERE decision_requirements_key = ?",
        List.of(decisionRequirementsKey), row -> row.getString(1));
  }

  @Override
  public Page<DecisionInstanceView> searchDecisionInstances(DecisionInstanceFilter filter, PageRequest page) {
    Where where = new Where()
        .equal("decision_instance_id", filter.id())
        .equal("decision_evaluation_key", filter.evaluationKey())
        .equal("state", filter.state())
        .equal("decision_definition_key", filter.decisionDefinitionKey())
        .equal("decision_id", filter.decisionId())
        .equal("decision_version", filter.decisionVersion())
        .equal("process_definition_key", filter.processDefinitionKey())
        .equal("process_instance_key", filter.processInstanceKey())
        .equal("element_instance_key", filter.elementInstanceKey());
    // evaluations in the order they happened (keys grow), the decisions of one evaluation in theirs
    return search.search("decision_instance", List.of("decision_evaluation_key"), "evaluation_index", where, page,
        this::instance);
  }

  @Override
  public Optional<DecisionInstanceView> decisionInstance(String decisionInstanceId) {
    return jdbc.single("SELECT * FROM decision_instance WHERE decision_instance_id = ?", List.of(decisionInstanceId),
        this::instance);
  }

  private DecisionDefinitionView definition(ResultSet row) throws SQLException {
    return new DecisionDefinitionView(row.getLong("decision_definition_key"), row.getString("decision_id"),
        row.getString("name"), row.getInt("version"), row.getString("version_tag"),
        row.getLong("decision_requirements_key"), row.getString("decision_requirements_id"),
        row.getString("requirements_name"), row.getInt("requirements_version"), row.getLong("deployment_key"),
        row.getString("tenant_id"));
  }

  private static DecisionRequirementsView requirements(ResultSet row) throws SQLException {
    return new DecisionRequirementsView(row.getLong("decision_requirements_key"),
        row.getString("decision_requirements_id"), row.getString("name"), row.getInt("version"),
        row.getString("resource_name"), row.getLong("deployment_key"), row.getString("tenant_id"));
  }

  private DecisionInstanceView instance(ResultSet row) throws SQLException {
    String result = row.getString("result_json");
    return new DecisionInstanceView(row.getString("decision_instance_id"), row.getLong("decision_evaluation_key"),
        row.getString("state"), Instant.ofEpochMilli(row.getLong("evaluation_date")),
        row.getString("evaluation_failure"), row.getLong("decision_definition_key"), row.getString("decision_id"),
        row.getString("decision_name"), row.getInt("decision_version"), row.getString("decision_type"),
        row.getLong("root_decision_definition_key"), row.getLong("decision_requirements_key"),
        result == null ? null : json.readValue(result, Object.class),
        json.readValue(row.getString("inputs_json"), INPUTS), json.readValue(row.getString("matched_rules_json"), RULES),
        nullableLong(row, "process_definition_key"), nullableLong(row, "process_instance_key"),
        nullableLong(row, "element_instance_key"), row.getString("element_id"), row.getString("tenant_id"));
  }

  private static Long nullableLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }
}
