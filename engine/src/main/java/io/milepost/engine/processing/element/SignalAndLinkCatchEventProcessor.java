package io.milepost.engine.processing.element;

import io.milepost.engine.expression.ExpressionException;
import io.milepost.engine.model.EventType;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;
import io.milepost.engine.processing.IncidentBehavior;

/**
 * Intermediate catch events for signals (wait for a broadcast of the signal's name) and links (a link
 * throw event jumped here: pass on); every other kind goes to the catch event processor it wraps.
 */
public final class SignalAndLinkCatchEventProcessor implements ElementProcessor {

  private final BpmnBehaviors behaviors;
  private final ElementProcessor others;

  public SignalAndLinkCatchEventProcessor(BpmnBehaviors behaviors, ElementProcessor others) {
    this.behaviors = behaviors;
    this.others = others;
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    EventType type = context.node().event().type();
    if (type == EventType.LINK || type == EventType.SIGNAL && behaviors.events().alreadyTriggered(context)) {
      behaviors.activatedAndComplete(context);
    } else if (type == EventType.SIGNAL) {
      String name;
      try {
        // evaluated before the element is activated, so that a resolved incident evaluates it again
        name = behaviors.signals().name(context, context.node());
      } catch (ExpressionException e) {
        behaviors.incidents().raise(context, IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage(), null);
        return;
      }
      behaviors.signals().open(behaviors.activated(context), context.node(), name);
    } else {
      others.onActivate(context);
    }
  }

  @Override
  public java.util.List<io.milepost.engine.model.SequenceFlow> outgoingFlows(BpmnElementContext context) {
    return others.outgoingFlows(context);
  }

  @Override
  public void onCompleted(BpmnElementContext context) {
    others.onCompleted(context);
  }

  @Override
  public void onTerminate(BpmnElementContext context) {
    others.onTerminate(context);
  }
}
