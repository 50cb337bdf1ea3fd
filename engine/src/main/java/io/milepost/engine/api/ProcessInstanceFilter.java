package io.milepost.engine.api;

import java.time.Instant;
import java.util.List;

/**
 * Every non-null field must match.
 *
 * @param rootOnly true for instances no call activity started (the ones people start and look for)
 * @param startedFrom started at or after
 * @param startedBefore started before
 * @param businessId carries exactly this business id (an order id, a tracking id) at one of the engine's
 *     {@link BusinessIdPaths}, now or earlier
 * @param variables conditions on the instance's variables, in any of its scopes; every one must hold
 */
public record ProcessInstanceFilter(
    Long key, String bpmnProcessId, Long processDefinitionKey, Integer version,
    ProcessInstanceState state, Long parentProcessInstanceKey, Boolean hasIncident,
    Boolean rootOnly, Instant startedFrom, Instant startedBefore, String businessId, List<VariableMatch> variables) {

  public ProcessInstanceFilter {
    variables = variables == null ? List.of() : List.copyOf(variables);
  }

  public ProcessInstanceFilter(Long key, String bpmnProcessId, Long processDefinitionKey, Integer version,
      ProcessInstanceState state, Long parentProcessInstanceKey, Boolean hasIncident) {
    this(key, bpmnProcessId, processDefinitionKey, version, state, parentProcessInstanceKey, hasIncident, null, null,
        null, null, null);
  }

  public static ProcessInstanceFilter all() {
    return new ProcessInstanceFilter(null, null, null, null, null, null, null);
  }
}
