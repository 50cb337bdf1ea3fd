package io.milepost.engine.processing.element;

import io.milepost.engine.expression.ExpressionException;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;
import io.milepost.engine.processing.IncidentBehavior;
import io.milepost.engine.timer.TimerSchedule;

/** An intermediate timer catch event: waits until its timer fires, then completes. */
public final class TimerCatchEventProcessor implements ElementProcessor {

  private final BpmnBehaviors behaviors;

  public TimerCatchEventProcessor(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    TimerSchedule schedule;
    try {
      schedule = behaviors.events().schedule(context.node().event(), context.key());
    } catch (ExpressionException e) {
      behaviors.incidents().raise(context, IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage(), null);
      return;
    }
    BpmnElementContext activated = behaviors.activated(context);
    behaviors.events().createTimer(activated, activated.node(), schedule);
  }
}
