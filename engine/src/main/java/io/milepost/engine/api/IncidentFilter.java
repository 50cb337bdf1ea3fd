package io.milepost.engine.api;

/** Every non-null field must match. */
public record IncidentFilter(Long key, Long processInstanceKey, String bpmnProcessId, String errorType,
    IncidentState state, Long jobKey, String elementId, Long elementInstanceKey, Long processDefinitionKey) {

  public IncidentFilter(Long key, Long processInstanceKey, String bpmnProcessId, String errorType, IncidentState state,
      Long jobKey, String elementId) {
    this(key, processInstanceKey, bpmnProcessId, errorType, state, jobKey, elementId, null, null);
  }

  public static IncidentFilter all() {
    return new IncidentFilter(null, null, null, null, null, null, null);
  }
}
