package io.milepost.engine.processing.element;

import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;

/**
 * Elements that do nothing but pass the token on: none start and end events, undefined and manual
 * tasks (Camunda 8 runs both as pass-through).
 */
public final class PassThroughProcessor implements ElementProcessor {

  private final BpmnBehaviors behaviors;

  public PassThroughProcessor(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    behaviors.activatedAndComplete(context);
  }
}
