package io.milepost.engine.api;

import java.util.List;
import java.util.Map;

/**
 * Starts an instance of a process definition, named either by key or by BPMN process id (and
 * version, or the latest when {@code version} is null or -1).
 */
public record CreateProcessInstance(
    Long processDefinitionKey,
    String bpmnProcessId,
    Integer version,
    Map<String, Object> variables,
    List<String> fetchVariables) {

  public static CreateProcessInstance latest(String bpmnProcessId, Map<String, Object> variables) {
    return new CreateProcessInstance(null, bpmnProcessId, null, variables, List.of());
  }
}
