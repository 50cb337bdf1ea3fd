package io.milepost.engine.processing.element;

import io.milepost.engine.expression.ExpressionException;
import io.milepost.engine.model.EventType;
import io.milepost.engine.model.FlowNode;
import io.milepost.engine.model.SequenceFlow;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;
import io.milepost.engine.processing.IncidentBehavior;
import io.milepost.engine.processing.MessageBehavior;
import io.milepost.engine.state.ElementState;
import io.milepost.engine.timer.TimerSchedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event-based gateway: waits for the first of the events after it (message, timer or signal); that one
 * wins and continues, the others stop waiting. The gateway itself takes no flow.
 */
public final class EventBasedGatewayProcessor implements ElementProcessor {

  private final BpmnBehaviors behaviors;

  public EventBasedGatewayProcessor(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    List<TimerSchedule> timers = new ArrayList<>();
    List<FlowNode> timerEvents = new ArrayList<>();
    List<MessageBehavior.Target> messages = new ArrayList<>();
    Map<FlowNode, String> signals = new LinkedHashMap<>();
    try {
      for (SequenceFlow flow : context.node().outgoing()) {
        FlowNode event = flow.target();
        if (event.event().type() == EventType.TIMER) {
          timers.add(behaviors.events().schedule(event.event(), context.key()));
          timerEvents.add(event);
        } else if (event.event().type() == EventType.MESSAGE) {
          messages.add(behaviors.messages().prepare(context, event));
        } else if (event.event().type() == EventType.SIGNAL) {
          signals.put(event, behaviors.signals().name(context, event));
        }
      }
    } catch (ExpressionException e) {
      behaviors.incidents().raise(context, IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage(), null);
      return;
    }
    BpmnElementContext activated = behaviors.activated(context);
    for (int i = 0; i < timers.size(); i++) {
      behaviors.events().createTimer(activated, timerEvents.get(i), timers.get(i));
    }
    for (MessageBehavior.Target message : messages) {
      if (!stillWaiting(activated)) {
        return; // a buffered message already decided the gateway
      }
      behaviors.messages().open(activated, message);
    }
    if (stillWaiting(activated)) {
      signals.forEach((signal, name) -> behaviors.signals().open(activated, signal, name));
    }
  }

  private boolean stillWaiting(BpmnElementContext gateway) {
    return behaviors.context().state().elementInstances().get(gateway.key())
        .map(instance -> instance.state() == ElementState.ACTIVATED).orElse(false);
  }

  @Override
  public List<SequenceFlow> outgoingFlows(BpmnElementContext context) {
    return List.of();
  }
}
