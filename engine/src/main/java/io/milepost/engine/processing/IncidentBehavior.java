package io.milepost.engine.processing;

import io.milepost.engine.state.EngineState;
import io.milepost.engine.state.Incident;

/** Raises and clears incidents: an expected failure stops a token until a person resolves it. */
public final class IncidentBehavior {

  /** Camunda's incident error types. */
  public static final String IO_MAPPING_ERROR = "IO_MAPPING_ERROR";
  public static final String EXTRACT_VALUE_ERROR = "EXTRACT_VALUE_ERROR";
  public static final String CONDITION_ERROR = "CONDITION_ERROR";
  public static final String JOB_NO_RETRIES = "JOB_NO_RETRIES";
  public static final String UNHANDLED_ERROR_EVENT = "UNHANDLED_ERROR_EVENT";
  public static final String CALLED_ELEMENT_ERROR = "CALLED_ELEMENT_ERROR";

  private final ProcessingContext context;

  IncidentBehavior(ProcessingContext context) {
    this.context = context;
  }

  public long raise(BpmnElementContext element, String errorType, String message, Long jobKey) {
    EngineState state = context.state();
    long key = context.nextKey();
    state.incidents().applyCreated(key, element.processInstance(), element.key(), element.node().id(), jobKey, errorType, message);
    state.elementInstances().applyIncident(element.key(), key);
    state.processInstances().applyIncidentCount(element.processInstance().key(), 1);
    return key;
  }

  public void clear(Incident incident) {
    EngineState state = context.state();
    state.incidents().applyResolved(incident);
    state.elementInstances().applyIncident(incident.elementInstanceKey(), null);
    state.processInstances().applyIncidentCount(incident.processInstanceKey(), -1);
  }

  /** An element ends while an incident is open on it: the incident goes with it. */
  public void clearOnElement(long elementInstanceKey) {
    context.state().incidents().activeOfElement(elementInstanceKey).ifPresent(this::clear);
  }
}
