package io.milepost.engine.processing.element;

import io.milepost.engine.model.SequenceFlow;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;
import java.util.List;
import java.util.Map;

/**
 * An inclusive gateway: takes every flow whose condition is true (a flow without condition counts as
 * true), its default flow only when none is. Joining is decided before it is activated (see
 * InclusiveGatewayJoin).
 */
public final class InclusiveGatewayProcessor implements ElementProcessor {

  private final BpmnBehaviors behaviors;

  public InclusiveGatewayProcessor(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    behaviors.activatedAndComplete(context);
  }

  @Override
  public List<SequenceFlow> outgoingFlows(BpmnElementContext context) {
    List<SequenceFlow> outgoing = context.node().outgoing();
    SequenceFlow defaultFlow = context.node().defaultFlow();
    if (outgoing.size() == 1 && outgoing.getFirst().condition() == null) {
      return outgoing;
    }
    Map<String, Object> variables = behaviors.variables().visible(context.key());
    List<SequenceFlow> taken = outgoing.stream()
        .filter(flow -> flow != defaultFlow)
        .filter(flow -> flow.condition() == null
            || behaviors.context().expressions().evaluateBoolean(flow.condition(), variables))
        .toList();
    if (!taken.isEmpty()) {
      return taken;
    }
    if (defaultFlow != null) {
      return List.of(defaultFlow);
    }
    throw new BpmnBehaviors.NoFlowException("Expected at least one condition to evaluate to true, or to have a default "
        + "flow, but no condition of inclusive gateway '" + context.node().id() + "' was true and it has no default flow");
  }
}
