package io.milepost.engine.api;

public record IncidentFilter(Long key, Long processInstanceKey, String bpmnProcessId, String errorType,
    IncidentState state, Long jobKey, String elementId) {

  public static IncidentFilter all() {
    return new IncidentFilter(null, null, null, null, null, null, null);
  }
}
