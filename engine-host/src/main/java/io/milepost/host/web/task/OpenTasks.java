package io.milepost.host.web.task;

import io.milepost.host.web.PageUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open user tasks of the user's sites, filtered, sorted and paged in one SQL statement on the engine's
 * {@code user_task} table. The engine's query API has no filter by site (the site is the task's local
 * {@code siteId} variable) and sorts by key only; a list of 10,000 open tasks needs both done by the store.
 */
@Component
final class OpenTasks {

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final BusinessIds businessIds;
  private final Clock clock = Clock.systemUTC();

  OpenTasks(JdbcClient jdbc, JsonMapper json, BusinessIds businessIds) {
    this.jdbc = jdbc;
    this.json = json;
    this.businessIds = businessIds;
  }

  TaskPage find(TaskListRequest request, PageUser user) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(request, user, params);
    long total = jdbc.sql("SELECT COUNT(*) FROM user_task t LEFT JOIN variable s"
            + " ON s.scope_key = t.element_instance_key AND s.name = 'siteId' WHERE " + where)
        .params(params).query(Long.class).single();
    params.put("from", request.page() * TaskListRequest.PAGE_SIZE);
    params.put("size", TaskListRequest.PAGE_SIZE);
    List<TaskRow> rows = jdbc.sql("SELECT t.user_task_key, t.name, t.bpmn_process_id, t.process_instance_key,"
            + " t.created_at, t.due_date, t.assignee, t.priority, t.candidate_groups, s.value_json AS site_json"
            + " FROM user_task t LEFT JOIN variable s ON s.scope_key = t.element_instance_key AND s.name = 'siteId'"
            + " WHERE " + where + " ORDER BY " + order(request.sort())
            + " OFFSET :from ROWS FETCH NEXT :size ROWS ONLY")
        .params(params).query(this::row).list();
    Map<Long, String> ids = businessIds.of(rows.stream().map(TaskRow::processInstanceKey).distinct().toList());
    List<TaskRow> withIds = new ArrayList<>(rows.size());
    for (TaskRow row : rows) {
      withIds.add(new TaskRow(row.key(), row.name(), row.bpmnProcessId(), row.processInstanceKey(),
          ids.get(row.processInstanceKey()), row.siteId(), row.created(), row.dueDate(), row.overdue(),
          row.assignee(), row.priority(), row.candidateGroups()));
    }
    return new TaskPage(withIds, request.page(), total);
  }

  /** The candidate groups of the open tasks, for the filter. */
  List<String> candidateGroups() {
    TreeSet<String> groups = new TreeSet<>();
    jdbc.sql("SELECT DISTINCT candidate_groups FROM user_task WHERE state = 'CREATED'")
        .query(String.class).list()
        .forEach(text -> groups.addAll(json.readValue(text, STRINGS)));
    return List.copyOf(groups);
  }

  private String where(TaskListRequest request, PageUser user, Map<String, Object> params) {
    List<String> conditions = new ArrayList<>(List.of("t.state = 'CREATED'"));
    if (!user.seesAllSites() && user.siteIds().isEmpty()) {
      conditions.add("1 = 0");
    } else if (!user.seesAllSites()) {
      conditions.add("s.value_json IN (:sites)");
      params.put("sites", user.siteIds().stream().map(json::writeValueAsString).collect(Collectors.toList()));
    }
    switch (request.show()) {
      case MINE -> {
        conditions.add("t.assignee = :me");
        params.put("me", user.name());
      }
      case UNASSIGNED -> conditions.add("t.assignee IS NULL");
      case ALL -> { }
    }
    if (request.candidateGroup() != null) {
      conditions.add("t.candidate_groups LIKE :group ESCAPE '\\'");
      params.put("group", "%" + json.writeValueAsString(request.candidateGroup())
          .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    return String.join(" AND ", conditions);
  }

  /** Tasks without a due date after those with one; ties by priority (high first), then age. */
  private static String order(TaskListRequest.Sort sort) {
    String due = "CASE WHEN t.due_date IS NULL THEN 1 ELSE 0 END, t.due_date";
    return switch (sort) {
      case DUE -> due + ", t.priority DESC, t.user_task_key";
      case PRIORITY -> "t.priority DESC, " + due + ", t.user_task_key";
    };
  }

  private TaskRow row(ResultSet rs, int rowNum) throws SQLException {
    String site = rs.getString("site_json");
    String dueDate = rs.getString("due_date");
    return new TaskRow(rs.getLong("user_task_key"), rs.getString("name"), rs.getString("bpmn_process_id"),
        rs.getLong("process_instance_key"), null, site == null ? null : json.readTree(site).asString(),
        Instant.ofEpochMilli(rs.getLong("created_at")), dueDate, isPast(dueDate), rs.getString("assignee"),
        rs.getInt("priority"), json.readValue(rs.getString("candidate_groups"), STRINGS));
  }

  private boolean isPast(String dueDate) {
    if (dueDate == null) {
      return false;
    }
    try {
      return OffsetDateTime.parse(dueDate).toInstant().isBefore(clock.instant());
    } catch (DateTimeParseException notOffset) {
      try {
        return ZonedDateTime.parse(dueDate).toInstant().isBefore(clock.instant());
      } catch (DateTimeParseException unreadable) {
        return false;
      }
    }
  }
}
