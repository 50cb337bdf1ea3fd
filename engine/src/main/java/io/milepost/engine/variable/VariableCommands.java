package io.milepost.engine.variable;

import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.RejectionType;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.state.ElementInstance;
import java.util.Map;

/** Setting variables on a scope from outside (the "set variables" command). */
public final class VariableCommands {

  private final BpmnBehaviors behaviors;

  public VariableCommands(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  public void set(long elementInstanceKey, Map<String, Object> variables, boolean local) {
    ElementInstance scope = behaviors.context().state().elementInstances().get(elementInstanceKey)
        .filter(instance -> !instance.state().isFinal())
        .orElseThrow(() -> new RejectionException(RejectionType.NOT_FOUND, "Expected to update variables for element with key '"
            + elementInstanceKey + "', but no such element was found (or it has ended)"));
    String tenant = behaviors.context().state().processInstances().get(scope.processInstanceKey()).orElseThrow().tenantId();
    if (local) {
      behaviors.variables().setLocal(scope.key(), scope.processInstanceKey(), variables, tenant);
    } else {
      behaviors.variables().merge(scope.key(), scope.processInstanceKey(), variables, tenant);
    }
  }
}
