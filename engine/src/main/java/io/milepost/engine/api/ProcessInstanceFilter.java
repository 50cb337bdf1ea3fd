package io.milepost.engine.api;

/** Every non-null field must match. */
public record ProcessInstanceFilter(
    Long key, String bpmnProcessId, Long processDefinitionKey, Integer version,
    ProcessInstanceState state, Long parentProcessInstanceKey, Boolean hasIncident) {

  public static ProcessInstanceFilter all() {
    return new ProcessInstanceFilter(null, null, null, null, null, null, null);
  }
}
