package io.milepost.host.api.usertask;

import io.milepost.engine.api.UserTaskView;
import io.milepost.host.api.Dates;
import io.milepost.host.api.Keys;
import java.util.List;
import java.util.Map;

record UserTaskResponse(
    String name,
    String state,
    String assignee,
    String elementId,
    List<String> candidateGroups,
    List<String> candidateUsers,
    String processDefinitionId,
    String creationDate,
    String completionDate,
    String followUpDate,
    String dueDate,
    String tenantId,
    String externalFormReference,
    int processDefinitionVersion,
    Map<String, String> customHeaders,
    Integer priority,
    String userTaskKey,
    String elementInstanceKey,
    String processName,
    String processDefinitionKey,
    String processInstanceKey,
    String rootProcessInstanceKey,
    String formKey,
    List<String> tags) {

  static UserTaskResponse of(UserTaskView task) {
    return new UserTaskResponse(task.name(), task.state().name(), task.assignee(), task.elementId(),
        task.candidateGroups(), task.candidateUsers(), task.bpmnProcessId(), Dates.format(task.creationDate()),
        Dates.format(task.completionDate()), task.followUpDate(), task.dueDate(), task.tenantId(),
        task.externalFormReference(), task.processDefinitionVersion(), task.customHeaders(), task.priority(),
        Keys.format(task.key()), Keys.format(task.elementInstanceKey()), null,
        Keys.format(task.processDefinitionKey()), Keys.format(task.processInstanceKey()), null,
        numericFormKey(task.formKey()), List.of());
  }

  /** The client reads formKey as a number (the key of a deployed form); any other form reference is left out. */
  private static String numericFormKey(String formKey) {
    return formKey != null && formKey.chars().allMatch(Character::isDigit) && !formKey.isEmpty() ? formKey : null;
  }
}
