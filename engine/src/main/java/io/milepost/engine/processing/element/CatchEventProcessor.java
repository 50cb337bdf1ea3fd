package io.milepost.engine.processing.element;

import io.milepost.engine.expression.ExpressionException;
import io.milepost.engine.model.EventType;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;
import io.milepost.engine.processing.IncidentBehavior;
import io.milepost.engine.timer.TimerSchedule;

/**
 * An element that waits for one event: an intermediate timer or message catch event, or a receive
 * task. After an event-based gateway the event already happened, so it passes straight through.
 */
public final class CatchEventProcessor implements ElementProcessor {

  private final BpmnBehaviors behaviors;

  public CatchEventProcessor(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    if (behaviors.events().alreadyTriggered(context)) {
      behaviors.activatedAndComplete(context);
      return;
    }
    try {
      if (context.node().event().type() == EventType.TIMER) {
        TimerSchedule schedule = behaviors.events().schedule(context.node().event(), context.key());
        BpmnElementContext activated = behaviors.activated(context);
        behaviors.events().createTimer(activated, activated.node(), schedule);
      } else {
        var target = behaviors.messages().prepare(context, context.node());
        behaviors.messages().open(behaviors.activated(context), target);
      }
    } catch (ExpressionException e) {
      behaviors.incidents().raise(context, IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage(), null);
    }
  }
}
