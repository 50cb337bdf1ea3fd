package io.milepost.engine.processing.element;

import io.milepost.engine.model.SequenceFlow;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;
import java.util.List;
import java.util.Map;

/** An exclusive gateway: takes the first flow whose condition is true, else its default flow. */
public final class ExclusiveGatewayProcessor implements ElementProcessor {

  private final BpmnBehaviors behaviors;

  public ExclusiveGatewayProcessor(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    behaviors.activatedAndComplete(context);
  }

  @Override
  public List<SequenceFlow> outgoingFlows(BpmnElementContext context) {
    List<SequenceFlow> outgoing = context.node().outgoing();
    if (outgoing.size() == 1 && outgoing.getFirst().condition() == null) {
      return outgoing;
    }
    Map<String, Object> variables = behaviors.variables().visible(context.key());
    for (SequenceFlow flow : outgoing) {
      if (flow != context.node().defaultFlow() && flow.condition() != null
          && behaviors.context().expressions().evaluateBoolean(flow.condition(), variables)) {
        return List.of(flow);
      }
    }
    if (context.node().defaultFlow() != null) {
      return List.of(context.node().defaultFlow());
    }
    throw new BpmnBehaviors.NoFlowException("Expected at least one condition to evaluate to true, or to have a default "
        + "flow, but no condition of exclusive gateway '" + context.node().id() + "' was true and it has no default flow");
  }
}
