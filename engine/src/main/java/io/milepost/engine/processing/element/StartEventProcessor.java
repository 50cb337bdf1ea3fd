package io.milepost.engine.processing.element;

import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;

/** A none start event: passes straight through. */
public final class StartEventProcessor implements ElementProcessor {

  private final BpmnBehaviors behaviors;

  public StartEventProcessor(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    behaviors.activatedAndComplete(context);
  }
}
