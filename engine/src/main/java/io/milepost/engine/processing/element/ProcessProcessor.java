package io.milepost.engine.processing.element;

import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.model.FlowNode;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;
import java.util.Map;

/**
 * The process itself: starts at its none start event (or the timer or message start event that
 * created it), completes when nothing runs in it any more, and then completes the call activity
 * that started it, if any.
 */
public final class ProcessProcessor implements ElementProcessor {

  private final BpmnBehaviors behaviors;
  private final CallActivityProcessor callActivities;

  public ProcessProcessor(BpmnBehaviors behaviors, CallActivityProcessor callActivities) {
    this.behaviors = behaviors;
    this.callActivities = callActivities;
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    BpmnElementContext activated = behaviors.activated(context);
    behaviors.activate(startEvent(context), activated.key(), activated.processInstance(), null);
  }

  private FlowNode startEvent(BpmnElementContext context) {
    return behaviors.context().state().elementInstances().detail(context.key())
        .map(json -> (Map<?, ?>) behaviors.context().codec().fromJson(json))
        .map(detail -> (String) detail.get("startEventId"))
        .map(context.process()::flowNode)
        .orElseGet(() -> context.node().noneStartEvent());
  }

  @Override
  public void onCompleted(BpmnElementContext context) {
    behaviors.processInstanceEnded(context, ProcessInstanceState.COMPLETED);
    if (context.processInstance().parentElementInstanceKey() != null) {
      callActivities.childCompleted(context);
    }
  }
}
