package io.milepost.engine.processing.element;

import io.milepost.engine.model.BpmnElementType;
import io.milepost.engine.model.EventType;
import io.milepost.engine.model.FlowNode;
import io.milepost.engine.model.SequenceFlow;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;
import java.util.List;
import java.util.Objects;

/**
 * Intermediate throw events: none (passes on), link (jumps to the link catch event with the same name
 * in the same scope), signal, escalation and compensation (see EventThrower).
 */
public final class IntermediateThrowEventProcessor implements ElementProcessor {

  private final BpmnBehaviors behaviors;
  private final EventThrower thrower;

  public IntermediateThrowEventProcessor(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
    this.thrower = new EventThrower(behaviors);
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    if (EventThrower.isThrown(context.node().event().type())) {
      thrower.throwAndComplete(context);
    } else {
      behaviors.activatedAndComplete(context);
    }
  }

  @Override
  public List<SequenceFlow> outgoingFlows(BpmnElementContext context) {
    return isLink(context.node()) ? List.of() : context.node().outgoing();
  }

  @Override
  public void onCompleted(BpmnElementContext context) {
    if (isLink(context.node())) {
      behaviors.activate(linkCatch(context.node()), context.instance().flowScopeKey(), context.processInstance(), null);
    }
  }

  private static boolean isLink(FlowNode node) {
    return node.event().type() == EventType.LINK;
  }

  private static FlowNode linkCatch(FlowNode thrower) {
    return thrower.flowScope().children().stream()
        .filter(node -> node.type() == BpmnElementType.INTERMEDIATE_CATCH_EVENT && isLink(node)
            && Objects.equals(node.event().linkName(), thrower.event().linkName()))
        .findFirst().orElseThrow(() -> new IllegalStateException("Expected a link catch event named '"
            + thrower.event().linkName() + "' in the scope of '" + thrower.id() + "', but there is none: the "
            + "deploy-time check should have rejected it"));
  }
}
