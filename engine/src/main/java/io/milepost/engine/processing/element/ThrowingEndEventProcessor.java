package io.milepost.engine.processing.element;

import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;

/**
 * Signal, escalation and compensation end events (see EventThrower); every other end event goes to
 * the end event processor it wraps.
 */
public final class ThrowingEndEventProcessor implements ElementProcessor {

  private final EventThrower thrower;
  private final ElementProcessor others;

  public ThrowingEndEventProcessor(BpmnBehaviors behaviors, ElementProcessor others) {
    this.thrower = new EventThrower(behaviors);
    this.others = others;
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    if (EventThrower.isThrown(context.node().event().type())) {
      thrower.throwAndComplete(context);
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
