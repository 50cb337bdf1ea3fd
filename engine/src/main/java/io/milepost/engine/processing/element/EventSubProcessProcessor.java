package io.milepost.engine.processing.element;

import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;
import io.milepost.engine.processing.EventSubProcessBehavior;

/** An event sub-process, once its start event's trigger activated it: a scope that runs from that start event. */
public final class EventSubProcessProcessor implements ElementProcessor {

  private final BpmnBehaviors behaviors;

  public EventSubProcessProcessor(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    BpmnElementContext activated = behaviors.activated(context);
    behaviors.activate(EventSubProcessBehavior.startEventOf(context.node()), activated.key(), activated.processInstance(),
        null);
  }
}
