package io.milepost.engine.api;

public record UserTaskFilter(Long key, UserTaskState state, String assignee, String candidateGroup,
    String candidateUser, Long processInstanceKey, String bpmnProcessId, String elementId) {

  public static UserTaskFilter all() {
    return new UserTaskFilter(null, null, null, null, null, null, null, null);
  }
}
