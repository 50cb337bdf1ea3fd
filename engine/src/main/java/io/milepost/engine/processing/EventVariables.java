package io.milepost.engine.processing;

import io.milepost.engine.model.FlowNode;
import java.util.Map;

/**
 * The variables an event brings along (a signal's, an error's): local to the catching element when it
 * has output mappings, which then decide what leaves it; otherwise merged upwards, like a job's result.
 */
public final class EventVariables {

  private EventVariables() {}

  public static void apply(BpmnBehaviors behaviors, long catchingInstanceKey, FlowNode catching, BpmnElementContext owner,
      Map<String, Object> variables) {
    if (variables == null || variables.isEmpty()) {
      return;
    }
    long processInstanceKey = owner.processInstance().key();
    if (catching.outputs().isEmpty()) {
      behaviors.variables().merge(catchingInstanceKey, processInstanceKey, variables, owner.tenantId());
    } else {
      behaviors.variables().setLocal(catchingInstanceKey, processInstanceKey, variables, owner.tenantId());
    }
  }
}
