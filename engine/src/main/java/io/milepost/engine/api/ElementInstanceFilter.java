package io.milepost.engine.api;

/**
 * Every non-null field must match. {@code elementName} matches the name the deployed model gives the element;
 * {@code flowScopeKey} finds the children of a scope.
 */
public record ElementInstanceFilter(Long key, Long processInstanceKey, Long processDefinitionKey, String bpmnProcessId,
    String elementId, String elementName, String elementType, ElementInstanceState state, Boolean hasIncident,
    Long incidentKey, Long flowScopeKey) {

  public static ElementInstanceFilter all() {
    return new ElementInstanceFilter(null, null, null, null, null, null, null, null, null, null, null);
  }

  public static ElementInstanceFilter ofProcessInstance(long processInstanceKey) {
    return new ElementInstanceFilter(null, processInstanceKey, null, null, null, null, null, null, null, null, null);
  }
}
