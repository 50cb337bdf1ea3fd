package io.milepost.engine.query;

import io.milepost.engine.api.ElementInstanceFilter;
import io.milepost.engine.api.ElementInstanceSort;
import io.milepost.engine.api.ElementInstanceState;
import io.milepost.engine.api.ElementInstanceView;
import io.milepost.engine.api.ElementStatistics;
import io.milepost.engine.api.Page;
import io.milepost.engine.api.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Element instances, with their process definition taken from their process instance and their name from the
 * model; the statistics per element of a definition; the sequence flows an instance took (from the event log).
 * The process itself is an element instance in the store but not in these answers, as in Camunda.
 */
final class ElementInstanceQueries {

  private static final String FROM = "element_instance e JOIN process_instance p"
      + " ON p.process_instance_key = e.process_instance_key";
  private static final String COLUMNS = "e.*, p.process_definition_key, p.bpmn_process_id, p.tenant_id";
  private static final String FINAL_STATES = "('COMPLETED', 'TERMINATED')";

  /** Runs one page of a search; see {@link JdbcEngineQueries}. */
  interface PagedSearch {
    <T> Page<T> run(String columns, String from, String order, Where where, PageRequest page, Jdbc.RowMapper<T> mapper);
  }

  private final Jdbc jdbc;
  private final ElementNames names;
  private final PagedSearch search;

  ElementInstanceQueries(Jdbc jdbc, PagedSearch search) {
    this.jdbc = jdbc;
    this.names = new ElementNames(jdbc);
    this.search = search;
  }

  Page<ElementInstanceView> search(ElementInstanceFilter filter, List<ElementInstanceSort> sort, PageRequest page) {
    Where where = new Where()
        .when(true, "e.element_type <> 'PROCESS'")
        .equal("e.element_instance_key", filter.key())
        .equal("e.process_instance_key", filter.processInstanceKey())
        .equal("p.process_definition_key", filter.processDefinitionKey())
        .equal("p.bpmn_process_id", filter.bpmnProcessId())
        .equal("e.element_id", filter.elementId())
        .equal("e.element_type", filter.elementType())
        .when(filter.state(), stateCondition(filter.state()))
        .when(filter.hasIncident(), Boolean.TRUE.equals(filter.hasIncident())
            ? "e.incident_key IS NOT NULL" : "e.incident_key IS NULL")
        .equal("e.incident_key", filter.incidentKey())
        .equal("e.flow_scope_key", filter.flowScopeKey());
    if (filter.elementName() != null && !nameCondition(filter, where)) {
      return new Page<>(List.of(), 0);
    }
    return search.run(COLUMNS, FROM, order(sort, page.descending()), where, page, this::view);
  }

  /** Every element instance of a process instance, the process itself first. */
  List<ElementInstanceView> ofProcessInstance(long processInstanceKey) {
    return jdbc.list("SELECT " + COLUMNS + " FROM " + FROM + " WHERE e.process_instance_key = ?"
        + " ORDER BY e.element_instance_key", List.of(processInstanceKey), this::view);
  }

  Optional<ElementInstanceView> get(long elementInstanceKey) {
    return jdbc.single("SELECT " + COLUMNS + " FROM " + FROM
        + " WHERE e.element_instance_key = ? AND e.element_type <> 'PROCESS'", List.of(elementInstanceKey), this::view);
  }

  /**
   * Counts per element, as Operate shows them on a diagram: an element instance with an open incident counts under
   * incidents, not under active. A multi-instance element counts its inner instances, not its body.
   */
  List<ElementStatistics> statistics(long processDefinitionKey) {
    return jdbc.list("SELECT e.element_id,"
        + " SUM(CASE WHEN e.state NOT IN " + FINAL_STATES + " AND e.incident_key IS NULL THEN 1 ELSE 0 END) AS active,"
        + " SUM(CASE WHEN e.state = 'TERMINATED' THEN 1 ELSE 0 END) AS canceled,"
        + " SUM(CASE WHEN e.state = 'COMPLETED' THEN 1 ELSE 0 END) AS completed,"
        + " SUM(CASE WHEN e.state NOT IN " + FINAL_STATES + " AND e.incident_key IS NOT NULL THEN 1 ELSE 0 END)"
        + " AS incidents"
        + " FROM " + FROM + " WHERE p.process_definition_key = ?"
        + " AND e.element_type NOT IN ('PROCESS', 'MULTI_INSTANCE_BODY')"
        + " GROUP BY e.element_id ORDER BY e.element_id", List.of(processDefinitionKey),
        row -> new ElementStatistics(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5)));
  }

  private static String stateCondition(ElementInstanceState state) {
    return state == null ? null : switch (state) {
      case ACTIVE -> "e.state NOT IN " + FINAL_STATES;
      case COMPLETED -> "e.state = 'COMPLETED'";
      case TERMINATED -> "e.state = 'TERMINATED'";
    };
  }

  /**
   * Names live in the models: finds the elements of that name in the definitions the other filters allow and
   * matches on (definition, element id). False when no element has that name.
   */
  private boolean nameCondition(ElementInstanceFilter filter, Where where) {
    List<Object> parameters = new ArrayList<>();
    String definitions = "SELECT process_definition_key FROM process_definition";
    if (filter.processDefinitionKey() != null) {
      definitions += " WHERE process_definition_key = ?";
      parameters.add(filter.processDefinitionKey());
    } else if (filter.bpmnProcessId() != null) {
      definitions += " WHERE bpmn_process_id = ?";
      parameters.add(filter.bpmnProcessId());
    } else if (filter.processInstanceKey() != null) {
      definitions += " WHERE process_definition_key IN"
          + " (SELECT process_definition_key FROM process_instance WHERE process_instance_key = ?)";
      parameters.add(filter.processInstanceKey());
    }
    List<Long> keys = jdbc.list(definitions, parameters, row -> row.getLong(1));
    Map<Long, Set<String>> named = names.elementIdsNamed(filter.elementName(), keys);
    if (named.isEmpty()) {
      return false;
    }
    List<String> alternatives = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    named.forEach((definition, ids) -> {
      alternatives.add("(p.process_definition_key = ? AND e.element_id IN ("
          + String.join(", ", ids.stream().map(id -> "?").toList()) + "))");
      values.add(definition);
      values.addAll(ids);
    });
    where.when(true, "(" + String.join(" OR ", alternatives) + ")", values.toArray());
    return true;
  }

  private static String order(List<ElementInstanceSort> sort, boolean keyDescending) {
    List<String> columns = new ArrayList<>();
    for (ElementInstanceSort criterion : sort) {
      if (criterion.field() == ElementInstanceSort.Field.KEY) {
        break; // the key is unique: nothing after it matters, and it is added below
      }
      columns.add(column(criterion.field()) + (criterion.descending() ? " DESC" : " ASC"));
    }
    // ties go by key in the direction of the last criterion: elements activated in one command share a start date
    boolean descending = sort.stream().filter(c -> c.field() == ElementInstanceSort.Field.KEY).findFirst()
        .map(ElementInstanceSort::descending)
        .orElse(sort.isEmpty() ? keyDescending : sort.getLast().descending());
    columns.add("e.element_instance_key" + (descending ? " DESC" : " ASC"));
    return " ORDER BY " + String.join(", ", columns);
  }

  private static String column(ElementInstanceSort.Field field) {
    return switch (field) {
      case KEY -> "e.element_instance_key";
      case PROCESS_INSTANCE_KEY -> "e.process_instance_key";
      case PROCESS_DEFINITION_KEY -> "p.process_definition_key";
      case BPMN_PROCESS_ID -> "p.bpmn_process_id";
      case ELEMENT_ID -> "e.element_id";
      case ELEMENT_TYPE -> "e.element_type";
      case STATE -> "e.state";
      case START_DATE -> "e.start_time";
      case END_DATE -> "e.end_time";
      case INCIDENT_KEY -> "e.incident_key";
    };
  }

  private ElementInstanceView view(ResultSet row) throws SQLException {
    long definitionKey = row.getLong("process_definition_key");
    String elementId = row.getString("element_id");
    String state = row.getString("state");
    return new ElementInstanceView(
        row.getLong("element_instance_key"),
        row.getLong("process_instance_key"),
        definitionKey,
        row.getString("bpmn_process_id"),
        nullableLong(row, "flow_scope_key"),
        elementId,
        names.name(definitionKey, elementId),
        row.getString("element_type"),
        switch (state) {
          case "COMPLETED" -> ElementInstanceState.COMPLETED;
          case "TERMINATED" -> ElementInstanceState.TERMINATED;
          default -> ElementInstanceState.ACTIVE;
        },
        state,
        instant(row, "start_time"),
        instant(row, "end_time"),
        nullableLong(row, "incident_key"),
        row.getString("tenant_id"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  private static Long nullableLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }
}
