package io.milepost.engine.processing.element;

import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;

/**
 * A parallel gateway: activated once every incoming flow has been taken (the join is counted by
 * the flow behaviour), then takes every outgoing flow.
 */
public final class ParallelGatewayProcessor implements ElementProcessor {

  private final BpmnBehaviors behaviors;

  public ParallelGatewayProcessor(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    behaviors.activatedAndComplete(context);
  }
}
