package io.milepost.engine.state;

import io.milepost.engine.model.BpmnElementType;

/** One activation of a flow element; the process instance is the one whose key is its own process instance key. */
public record ElementInstance(long key, long processInstanceKey, Long flowScopeKey, String elementId,
    BpmnElementType elementType, ElementState state, Integer loopCounter) {

  public ElementInstance withState(ElementState newState) {
    return new ElementInstance(key, processInstanceKey, flowScopeKey, elementId, elementType, newState, loopCounter);
  }
}
