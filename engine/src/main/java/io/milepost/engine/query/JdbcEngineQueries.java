package io.milepost.engine.query;

import io.milepost.engine.api.ElementInstanceFilter;
import io.milepost.engine.api.ElementInstanceSort;
import io.milepost.engine.api.ElementInstanceView;
import io.milepost.engine.api.ElementStatistics;
import io.milepost.engine.api.FormView;
import io.milepost.engine.api.MessageSubscriptionFilter;
import io.milepost.engine.api.MessageSubscriptionView;
import io.milepost.engine.api.EngineEvent;
import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.IncidentFilter;
import io.milepost.engine.api.IncidentView;
import io.milepost.engine.api.JobFilter;
import io.milepost.engine.api.JobView;
import io.milepost.engine.api.Page;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessDefinitionFilter;
import io.milepost.engine.api.ProcessDefinitionView;
import io.milepost.engine.api.ProcessInstanceFilter;
import io.milepost.engine.api.ProcessInstanceView;
import io.milepost.engine.api.UserTaskFilter;
import io.milepost.engine.api.UserTaskSort;
import io.milepost.engine.api.UserTaskState;
import io.milepost.engine.api.UserTaskView;
import io.milepost.engine.api.VariableFilter;
import io.milepost.engine.api.VariableView;
import io.milepost.engine.state.PackedEvents;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's read side in plain JDBC over the V1 schema. Every search takes optional filter
 * fields (null = any), pages by offset and sorts by key, so a page is stable while nothing changes. The
 * indexes of V5 lead with the equality filters the searches use and end with the key, so a page is read in
 * key order and stops after {@code limit} rows; the total counts at most {@link #MAX_TOTAL_ITEMS} matches.
 */
public final class JdbcEngineQueries implements EngineQueries {

  /**
   * Searches count at most this many matches for the total (as Camunda 8 does), so that a search costs the same
   * however much history the store holds; beyond it the page says there are more.
   */
  public static final int MAX_TOTAL_ITEMS = 10_000;

  // The search indexes (V1, V5) of each table: the columns before the key; see Where.equalityPrefix.
  private static final List<List<String>> PROCESS_INSTANCE_INDEXES = List.of(List.of("state"),
      List.of("bpmn_process_id", "state"), List.of("bpmn_process_id"), List.of("process_definition_key"));
  private static final List<List<String>> JOB_INDEXES = List.of(List.of("job_type", "state"));
  private static final List<List<String>> USER_TASK_INDEXES = List.of(List.of("state"));
  private static final List<List<String>> INCIDENT_INDEXES = List.of(List.of("state"));

  private final Jdbc jdbc;
  private final Rows rows;
  private final int maxTotalItems;
  private final ElementInstanceQueries elementInstances;
  private final VariableMatches variableMatches;

  public JdbcEngineQueries(DataSource dataSource, JsonMapper jsonMapper) {
    this(dataSource, jsonMapper, MAX_TOTAL_ITEMS);
  }

  /** With a smaller bound on counted matches, for tests. */
  JdbcEngineQueries(DataSource dataSource, JsonMapper jsonMapper, int maxTotalItems) {
    if (maxTotalItems < 1) {
      throw new IllegalArgumentException("Expected a bound on counted matches of at least 1, but it was "
          + maxTotalItems);
    }
    this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
    this.rows = new Rows(Objects.requireNonNull(jsonMapper, "jsonMapper"));
    this.maxTotalItems = maxTotalItems;
    this.elementInstances = new ElementInstanceQueries(jdbc, this::search);
    this.variableMatches = new VariableMatches(rows);
  }

  @Override
  public Page<ProcessInstanceView> searchProcessInstances(ProcessInstanceFilter filter, PageRequest page) {
    Where where = new Where()
        .equal("process_instance_key", filter.key())
        .equal("bpmn_process_id", filter.bpmnProcessId())
        .equal("process_definition_key", filter.processDefinitionKey())
        .equal("version", filter.version())
        .equal("state", filter.state())
        .equal("parent_process_instance_key", filter.parentProcessInstanceKey())
        .when(filter.hasIncident(), Boolean.TRUE.equals(filter.hasIncident()) ? "incident_count > 0" : "incident_count = 0")
        .whenTrue(filter.rootOnly(), "parent_process_instance_key IS NULL")
        .when(filter.startedFrom(), "start_time >= ?", epochMillis(filter.startedFrom()))
        .when(filter.startedBefore(), "start_time < ?", epochMillis(filter.startedBefore()))
        .when(filter.businessId(), "process_instance_key IN (SELECT b.process_instance_key FROM business_id b"
            + " WHERE b.business_id = ?)", filter.businessId());
    variableMatches.add(where, "process_instance_key = process_instance.process_instance_key", filter.variables());
    return search("process_instance", where.equalityPrefix(PROCESS_INSTANCE_INDEXES), "process_instance_key", where,
        page, rows::processInstance);
  }

  @Override
  public Optional<ProcessInstanceView> processInstance(long processInstanceKey) {
    return jdbc.single("SELECT * FROM process_instance WHERE process_instance_key = ?",
        List.of(processInstanceKey), rows::processInstance);
  }

  @Override
  public Page<ProcessDefinitionView> searchProcessDefinitions(ProcessDefinitionFilter filter, PageRequest page) {
    Where where = new Where()
        .equal("d.process_definition_key", filter.key())
        .equal("d.bpmn_process_id", filter.bpmnProcessId())
        .equal("d.version", filter.version())
        .whenTrue(filter.latestOnly(),
            "d.version = (SELECT MAX(l.version) FROM process_definition l"
                + " WHERE l.bpmn_process_id = d.bpmn_process_id AND l.tenant_id = d.tenant_id)");
    return search("process_definition d", List.of(), "d.process_definition_key", where, page,
        rows::processDefinition);
  }

  @Override
  public Optional<ProcessDefinitionView> processDefinition(long processDefinitionKey) {
    return jdbc.single("SELECT * FROM process_definition WHERE process_definition_key = ?",
        List.of(processDefinitionKey), rows::processDefinition);
  }

  @Override
  public Optional<String> processDefinitionXml(long processDefinitionKey) {
    return jdbc.single("SELECT bpmn_xml FROM process_definition WHERE process_definition_key = ?",
        List.of(processDefinitionKey), row -> row.getString(1));
  }

  @Override
  public Page<IncidentView> searchIncidents(IncidentFilter filter, PageRequest page) {
    Where where = new Where()
        .equal("incident_key", filter.key())
        .equal("process_instance_key", filter.processInstanceKey())
        .equal("bpmn_process_id", filter.bpmnProcessId())
        .equal("error_type", filter.errorType())
        .equal("state", filter.state())
        .equal("job_key", filter.jobKey())
        .equal("element_id", filter.elementId())
        .equal("element_instance_key", filter.elementInstanceKey())
        .equal("process_definition_key", filter.processDefinitionKey());
    return search("incident", where.equalityPrefix(INCIDENT_INDEXES), "incident_key", where, page, rows::incident);
  }

  @Override
  public Optional<IncidentView> incident(long incidentKey) {
    return jdbc.single("SELECT * FROM incident WHERE incident_key = ?", List.of(incidentKey), rows::incident);
  }

  @Override
  public Page<UserTaskView> searchUserTasks(UserTaskFilter filter, PageRequest page) {
    Where where = userTaskWhere(filter);
    return search("user_task", where.equalityPrefix(USER_TASK_INDEXES), "user_task_key", where, page,
        rows::userTask);
  }

  @Override
  public Page<UserTaskView> searchUserTasks(UserTaskFilter filter, List<UserTaskSort> sort, PageRequest page) {
    return search("*", "user_task", UserTaskOrder.of(sort), userTaskWhere(filter), page, rows::userTask);
  }

  @Override
  public List<String> userTaskCandidateGroups(UserTaskState state) {
    Set<String> groups = new TreeSet<>();
    jdbc.list("SELECT DISTINCT candidate_groups FROM user_task WHERE state = ?", List.of(state.name()),
        row -> rows.strings(row.getString(1))).forEach(groups::addAll);
    return List.copyOf(groups);
  }

  private Where userTaskWhere(UserTaskFilter filter) {
    Where where = new Where()
        .equal("user_task_key", filter.key())
        .equal("state", filter.state())
        .equal("assignee", filter.assignee())
        .jsonArrayContains("candidate_groups", filter.candidateGroup(), jsonString(filter.candidateGroup()))
        .jsonArrayContains("candidate_users", filter.candidateUser(), jsonString(filter.candidateUser()))
        .equal("process_instance_key", filter.processInstanceKey())
        .equal("bpmn_process_id", filter.bpmnProcessId())
        .equal("element_id", filter.elementId())
        .when(filter.assigned(), Boolean.TRUE.equals(filter.assigned()) ? "assignee IS NOT NULL" : "assignee IS NULL");
    variableMatches.add(where, "scope_key = user_task.element_instance_key", filter.localVariables());
    return where;
  }

  @Override
  public Optional<UserTaskView> userTask(long userTaskKey) {
    return jdbc.single("SELECT * FROM user_task WHERE user_task_key = ?", List.of(userTaskKey), rows::userTask);
  }

  @Override
  public Page<JobView> searchJobs(JobFilter filter, PageRequest page) {
    Where where = new Where()
        .equal("job_key", filter.key())
        .equal("job_type", filter.type())
        .equal("state", filter.states().size() == 1 ? filter.states().iterator().next() : null)
        .when(filter.states().size() > 1 ? filter.states() : null, "state IN ("
            + String.join(", ", filter.states().stream().map(state -> "?").toList()) + ")",
            filter.states().stream().map(Enum::name).sorted().toArray())
        // no index on the job's instance (V9): its jobs are found through its element instances
        .when(filter.processInstanceKey(), "element_instance_key IN (SELECT element_instance_key FROM element_instance"
            + " WHERE process_instance_key = ?)", filter.processInstanceKey())
        .equal("process_definition_key", filter.processDefinitionKey())
        .equal("bpmn_process_id", filter.bpmnProcessId())
        .equal("element_id", filter.elementId())
        .equal("element_instance_key", filter.elementInstanceKey())
        .equal("worker", filter.worker())
        .when(filter.minRetries(), "retries >= ?", filter.minRetries());
    return search("job", where.equalityPrefix(JOB_INDEXES), "job_key", where, page, rows::job);
  }

  @Override
  public List<ElementInstanceView> elementInstances(long processInstanceKey) {
    return elementInstances.ofProcessInstance(processInstanceKey);
  }

  @Override
  public Page<ElementInstanceView> searchElementInstances(ElementInstanceFilter filter, List<ElementInstanceSort> sort,
      PageRequest page) {
    return elementInstances.search(filter, sort, page);
  }

  @Override
  public Optional<ElementInstanceView> elementInstance(long elementInstanceKey) {
    return elementInstances.get(elementInstanceKey);
  }

  @Override
  public List<ElementStatistics> elementStatistics(long processDefinitionKey) {
    return elementInstances.statistics(processDefinitionKey);
  }

  @Override
  public List<String> takenSequenceFlows(long processInstanceKey) {
    Set<String> taken = new LinkedHashSet<>();
    for (EngineEvent event : events(processInstanceKey)) {
      if (event.intent().equals("SEQUENCE_FLOW_TAKEN")) {
        taken.add(event.elementId());
      }
    }
    return List.copyOf(taken);
  }

  @Override
  public Optional<FormView> form(long formKey) {
    return jdbc.single("SELECT * FROM form WHERE form_key = ?", List.of(formKey), rows::form);
  }

  @Override
  public Page<MessageSubscriptionView> searchMessageSubscriptions(MessageSubscriptionFilter filter, PageRequest page) {
    Where where = new Where()
        .when(true, "s.element_instance_key IS NOT NULL")
        .equal("s.subscription_key", filter.key())
        .equal("s.process_instance_key", filter.processInstanceKey())
        .equal("s.process_definition_key", filter.processDefinitionKey())
        .equal("s.bpmn_process_id", filter.bpmnProcessId())
        .equal("s.element_id", filter.elementId())
        .equal("s.element_instance_key", filter.elementInstanceKey())
        .equal("s.message_name", filter.messageName())
        .equal("s.correlation_key", filter.correlationKey());
    return search("s.*, e.start_time", "message_subscription s JOIN element_instance e"
        + " ON e.element_instance_key = s.element_instance_key", PagedSearch.orderBy(List.of(), "s.subscription_key", page),
        where, page, rows::messageSubscription);
  }

  @Override
  public Map<String, Object> visibleVariables(long scopeKey) {
    return jdbc.withConnection(connection -> {
      Map<String, Object> visible = new LinkedHashMap<>();
      Set<Long> visited = new HashSet<>();
      Long scope = scopeKey;
      // Walk from the scope up to the process instance; a name already seen is shadowed by a nearer scope.
      while (scope != null && visited.add(scope)) {
        for (VariableView variable : Jdbc.list(connection,
            "SELECT * FROM variable WHERE scope_key = ? ORDER BY name", List.of(scope), rows::variable)) {
          visible.putIfAbsent(variable.name(), rows.value(variable.name(), variable.valueJson()));
        }
        scope = flowScopeOf(connection, scope);
      }
      return visible;
    });
  }

  @Override
  public Page<VariableView> searchVariables(VariableFilter filter, PageRequest page) {
    Where where = new Where()
        .equal("process_instance_key", filter.processInstanceKey())
        .equal("scope_key", filter.scopeKey())
        .equal("name", filter.name());
    return search("variable", List.of(), "variable_key", where, page, rows::variable);
  }

  @Override
  public List<EngineEvent> events(long processInstanceKey) {
    return eventRows("SELECT * FROM event_log WHERE process_instance_key = ? ORDER BY position",
        List.of(processInstanceKey));
  }

  @Override
  public List<EngineEvent> eventsAfter(long position, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("Expected a limit of at least 1, but it was " + limit);
    }
    // Every row holds at least one event, so limit rows after the one holding position are enough (a long: the
    // largest int limit plus that row still counts).
    List<EngineEvent> events = eventRows("SELECT * FROM event_log WHERE position >= ? ORDER BY position LIMIT ?",
        List.of(PackedEvents.rowPosition(position), (long) limit + 1)).stream()
        .filter(e -> e.position() > position).toList();
    return events.size() > limit ? events.subList(0, limit) : events;
  }

  @Override
  public long lastEventPosition() {
    return jdbc.single("SELECT * FROM event_log ORDER BY position DESC LIMIT 1", List.of(), rows::events)
        .map(events -> events.getLast().position()).orElse(0L);
  }

  @Override
  public List<EngineEvent> eventsBetween(long position, long upTo, String intent, String elementType) {
    // The store filters a row's own event, and keeps the rows whose packed events may hold the intent (a LIKE
    // that can match more than it should, never less); the packed events are then filtered here.
    return eventRows("SELECT * FROM event_log WHERE position >= ? AND position <= ?"
            + " AND (intent = ? AND element_type = ? OR packed_events LIKE ?) ORDER BY position",
        List.of(PackedEvents.rowPosition(position), PackedEvents.rowPosition(upTo), intent, elementType,
            "%" + intent + "%")).stream()
        .filter(e -> e.position() > position && e.position() <= upTo && e.intent().equals(intent)
            && elementType.equals(e.elementType()))
        .toList();
  }

  private List<EngineEvent> eventRows(String sql, List<Object> parameters) {
    return jdbc.list(sql, parameters, rows::events).stream().flatMap(List::stream).toList();
  }

  private static Long flowScopeOf(Connection connection, long elementInstanceKey) throws SQLException {
    List<Long> parents = Jdbc.list(connection,
        "SELECT flow_scope_key FROM element_instance WHERE element_instance_key = ?",
        List.of(elementInstanceKey), row -> {
          long parent = row.getLong(1);
          return row.wasNull() ? null : parent;
        });
    return parents.isEmpty() ? null : parents.getFirst();
  }

  private <T> Page<T> search(String from, List<String> indexPrefix, String keyColumn, Where where, PageRequest page,
      Jdbc.RowMapper<T> mapper) {
    return search("*", from, PagedSearch.orderBy(indexPrefix, keyColumn, page), where, page, mapper);
  }

  private <T> Page<T> search(String columns, String from, String order, Where where, PageRequest page,
      Jdbc.RowMapper<T> mapper) {
    return new PagedSearch(jdbc, maxTotalItems).search(columns, from, order, where, page, mapper);
  }

  private static Long epochMillis(java.time.Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  private String jsonString(String value) {
    return value == null ? null : rows.jsonString(value);
  }
}
