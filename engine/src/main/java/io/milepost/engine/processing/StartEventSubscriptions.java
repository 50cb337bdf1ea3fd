package io.milepost.engine.processing;

import io.milepost.engine.expression.ExpressionException;
import io.milepost.engine.model.EventType;
import io.milepost.engine.model.ExecutableProcess;
import io.milepost.engine.model.FlowNode;
import io.milepost.engine.state.Messages;
import io.milepost.engine.state.Timers;
import io.milepost.engine.timer.TimerSchedule;
import java.util.Map;

/**
 * The timer, message and signal start events of the latest version of a process: deploying a new version
 * replaces those of the previous one (as in Camunda 8).
 */
public final class StartEventSubscriptions {

  private final BpmnBehaviors behaviors;

  public StartEventSubscriptions(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  public void replace(ExecutableProcess process, long processDefinitionKey, Long previousDefinitionKey, String tenantId) {
    var state = behaviors.context().state();
    if (previousDefinitionKey != null) {
      state.timers().startTimersOf(previousDefinitionKey).forEach(t -> state.timers().applyCanceled(t));
    }
    state.messages().startSubscriptionsOf(process.bpmnProcessId()).forEach(s -> state.messages().applyUnsubscribed(s));
    behaviors.signals().replaceStartSubscriptions(process, processDefinitionKey, tenantId);
    for (FlowNode start : process.root().children()) {
      if (start.type() != io.milepost.engine.model.BpmnElementType.START_EVENT) {
        continue;
      }
      if (start.event().type() == EventType.TIMER) {
        TimerSchedule schedule = schedule(start);
        state.timers().applyCreated(new Timers.Timer(behaviors.context().nextKey(), schedule.firstDueAt(),
            schedule.repetitions(), schedule.intervalMillis(), start.id(), null, null, processDefinitionKey, tenantId));
      } else if (start.event().type() == EventType.MESSAGE) {
        String name = behaviors.context().expressions().evaluateString(start.event().messageName(), Map.of());
        state.messages().applySubscribed(new Messages.Subscription(behaviors.context().nextKey(), name, null, start.id(), null,
            null, processDefinitionKey, process.bpmnProcessId(), true, tenantId));
      }
    }
  }

  private TimerSchedule schedule(FlowNode start) {
    var timer = start.event();
    var expressions = behaviors.context().expressions();
    long now = behaviors.context().now();
    if (timer.timerCycle() != null) {
      return TimerSchedule.cycle(expressions.evaluate(timer.timerCycle(), Map.of()), now);
    }
    if (timer.timerDate() != null) {
      return TimerSchedule.date(expressions.evaluate(timer.timerDate(), Map.of()));
    }
    if (timer.timerDuration() != null) {
      return TimerSchedule.duration(expressions.evaluate(timer.timerDuration(), Map.of()), now);
    }
    throw new ExpressionException("Expected timer start event '" + start.id() + "' to have a cycle, date or duration, but it has none");
  }
}
