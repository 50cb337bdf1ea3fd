package io.milepost.engine.processing.element;

import io.milepost.engine.expression.ExpressionException;
import io.milepost.engine.model.EventType;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.IncidentBehavior;
import io.milepost.engine.state.ElementState;
import java.util.HashMap;
import java.util.Map;

/**
 * What intermediate throw and end events share: throw a signal, an escalation or a compensation, then
 * complete, unless the throw event must wait (for compensation handlers) or was itself ended by what
 * it threw (an interrupting catch around it).
 */
final class EventThrower {

  private final BpmnBehaviors behaviors;

  EventThrower(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  static boolean isThrown(EventType type) {
    return type == EventType.SIGNAL || type == EventType.ESCALATION || type == EventType.COMPENSATION;
  }

  void throwAndComplete(BpmnElementContext context) {
    switch (context.node().event().type()) {
      case SIGNAL -> throwSignal(context);
      case ESCALATION -> {
        BpmnElementContext activated = behaviors.activated(context);
        behaviors.escalations().throwEscalation(activated, activated.node().event().code());
        completeIfStillActive(activated);
      }
      case COMPENSATION -> {
        BpmnElementContext activated = behaviors.activated(context);
        if (!behaviors.compensation().throwCompensation(activated)) {
          behaviors.complete(activated);
        }
      }
      default -> throw new IllegalStateException("Expected a signal, escalation or compensation throw event, but '"
          + context.node().id() + "' throws " + context.node().event().type());
    }
  }

  /** The signal carries the throw event's local variables (those its input mappings created). */
  private void throwSignal(BpmnElementContext context) {
    String name;
    try {
      name = behaviors.context().expressions().evaluateString(context.node().event().signalName(),
          behaviors.variables().visible(context.key()));
    } catch (ExpressionException e) {
      behaviors.incidents().raise(context, IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage(), null);
      return;
    }
    BpmnElementContext activated = behaviors.activated(context);
    Map<String, Object> variables = new HashMap<>();
    behaviors.context().state().variables().ofScope(activated.key())
        .forEach((variable, json) -> variables.put(variable, behaviors.context().codec().fromJson(json)));
    behaviors.signals().broadcast(name, variables, activated.tenantId());
    completeIfStillActive(activated);
  }

  private void completeIfStillActive(BpmnElementContext activated) {
    var now = behaviors.context().state().elementInstances().get(activated.key()).orElseThrow();
    if (now.state() == ElementState.ACTIVATED) {
      behaviors.complete(activated.with(now));
    }
  }
}
