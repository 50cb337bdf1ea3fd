package io.milepost.engine.processing.element;

import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;

/** An embedded sub-process: a scope of its own that starts at its none start event. */
public final class SubProcessProcessor implements ElementProcessor {

  private final BpmnBehaviors behaviors;

  public SubProcessProcessor(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    BpmnElementContext activated = behaviors.activated(context);
    behaviors.activate(context.node().noneStartEvent(), activated.key(), activated.processInstance(), null);
  }
}
