package io.milepost.engine.processing.element;

import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.model.FlowNode;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;

/**
 * The process itself: starts at its none start event (or the start event that created it, e.g. a
 * signal start), completes when nothing runs in it any more.
 */
public final class ProcessProcessor implements ElementProcessor {

  private final BpmnBehaviors behaviors;

  public ProcessProcessor(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    BpmnElementContext activated = behaviors.activated(context);
    FlowNode start = ProcessStartEvent.of(activated, behaviors);
    behaviors.activate(start, activated.key(), activated.processInstance(), null);
  }

  @Override
  public void onCompleted(BpmnElementContext context) {
    behaviors.processInstanceEnded(context, ProcessInstanceState.COMPLETED);
  }
}
