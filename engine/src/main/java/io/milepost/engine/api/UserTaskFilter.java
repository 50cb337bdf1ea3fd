package io.milepost.engine.api;

import java.util.List;

/**
 * Every non-null field must match.
 *
 * @param localVariables conditions on the task's own variables (its element's scope, such as a mapped
 *     {@code siteId}); every one must hold
 */
public record UserTaskFilter(Long key, UserTaskState state, String assignee, String candidateGroup,
    String candidateUser, Long processInstanceKey, String bpmnProcessId, String elementId,
    Boolean assigned, List<VariableMatch> localVariables) {

  public UserTaskFilter {
    localVariables = localVariables == null ? List.of() : List.copyOf(localVariables);
  }

  public UserTaskFilter(Long key, UserTaskState state, String assignee, String candidateGroup,
      String candidateUser, Long processInstanceKey, String bpmnProcessId, String elementId) {
    this(key, state, assignee, candidateGroup, candidateUser, processInstanceKey, bpmnProcessId, elementId, null,
        null);
  }

  public static UserTaskFilter all() {
    return new UserTaskFilter(null, null, null, null, null, null, null, null);
  }
}
