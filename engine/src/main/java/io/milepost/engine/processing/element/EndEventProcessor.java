package io.milepost.engine.processing.element;

import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;

/** A none end event: completes, and with it possibly its scope. */
public final class EndEventProcessor implements ElementProcessor {

  private final BpmnBehaviors behaviors;

  public EndEventProcessor(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    behaviors.activatedAndComplete(context);
  }
}
