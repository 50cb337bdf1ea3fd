package io.milepost.engine.api;

import java.time.Instant;

/**
 * One activation of a flow element (the process instance itself is the one of type PROCESS). The element's
 * name comes from the deployed model; {@code incidentKey} is the element's open incident, if any. {@code state} is
 * the state the API reports; {@code lifecycleState} the engine's own step of the element lifecycle (ACTIVATING,
 * ACTIVATED, COMPLETING, COMPLETED, TERMINATING, TERMINATED).
 */
public record ElementInstanceView(long key, long processInstanceKey, long processDefinitionKey, String bpmnProcessId,
    Long flowScopeKey, String elementId, String elementName, String elementType, ElementInstanceState state,
    String lifecycleState, Instant startDate, Instant endDate, Long incidentKey, String tenantId) {

  public boolean hasIncident() {
    return incidentKey != null;
  }
}
