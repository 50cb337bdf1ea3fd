package io.milepost.engine.state;

import io.milepost.engine.api.UserTaskState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/** Camunda user tasks: reads for processors and the appliers of USER_TASK events. */
public final class UserTasks {

  /** Everything a new user task row holds. */
  public record NewUserTask(long key, String name, String assignee, List<String> candidateGroups,
      List<String> candidateUsers, ElementInstance element, ProcessInstance instance, String dueDate,
      String followUpDate, String formKey, String externalFormReference, int priority, Map<String, String> headers) {}

  private final Sql sql;
  private final Events events;
  private final JsonMapper json;

  UserTasks(Sql sql, Events events, JsonMapper json) {
    this.sql = sql;
    this.events = events;
    this.json = json;
  }

  public Optional<UserTask> get(long key) {
    return sql.queryOne("SELECT * FROM user_task WHERE user_task_key = ?", UserTasks::map, key);
  }

  public Optional<UserTask> openOfElement(long elementInstanceKey) {
    return sql.queryOne("SELECT * FROM user_task WHERE element_instance_key = ? AND state = 'CREATED'", UserTasks::map,
        elementInstanceKey);
  }

  public void applyCreated(NewUserTask task) {
    sql.update("INSERT INTO user_task (user_task_key, name, state, assignee, candidate_groups, candidate_users, element_id, "
            + "element_instance_key, process_instance_key, process_definition_key, bpmn_process_id, process_version, created_at, "
            + "due_date, follow_up_date, form_key, external_form_reference, priority, custom_headers, tenant_id) "
            + "VALUES (?, ?, 'CREATED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        task.key(), task.name(), task.assignee(), json.writeValueAsString(task.candidateGroups()),
        json.writeValueAsString(task.candidateUsers()), task.element().elementId(), task.element().key(),
        task.instance().key(), task.instance().processDefinitionKey(), task.instance().bpmnProcessId(),
        task.instance().version(), events.now(), task.dueDate(), task.followUpDate(), task.formKey(),
        task.externalFormReference(), task.priority(), json.writeValueAsString(task.headers()), task.instance().tenantId());
    events.record("USER_TASK", "CREATED", task.key(), task.instance().key(), task.element().elementId(),
        Events.payload("assignee", task.assignee(), "candidateGroups", task.candidateGroups()));
  }

  public void applyAssigned(UserTask task, String assignee) {
    sql.update("UPDATE user_task SET assignee = ? WHERE user_task_key = ?", assignee, task.key());
    events.record("USER_TASK", assignee == null ? "UNASSIGNED" : "ASSIGNED", task.key(), task.processInstanceKey(),
        task.elementId(), Events.payload("assignee", assignee));
  }

  public void applyEnded(UserTask task, UserTaskState state) {
    sql.update("UPDATE user_task SET state = ?, completed_at = ? WHERE user_task_key = ?", state, events.now(), task.key());
    events.record("USER_TASK", state.name(), task.key(), task.processInstanceKey(), task.elementId(), Map.of());
  }

  private static UserTask map(java.sql.ResultSet row) throws java.sql.SQLException {
    return new UserTask(row.getLong("user_task_key"), UserTaskState.valueOf(row.getString("state")),
        row.getString("assignee"), row.getLong("element_instance_key"), row.getLong("process_instance_key"),
        row.getString("element_id"));
  }
}
