package io.milepost.engine.processing;

import io.milepost.engine.expression.ExpressionException;
import io.milepost.engine.model.BpmnElementType;
import io.milepost.engine.model.EventType;
import io.milepost.engine.model.FlowNode;
import io.milepost.engine.state.ElementInstance;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Event sub-processes: their start events are subscribed while the enclosing scope is active (timers,
 * messages and signals; errors and escalations are looked up when thrown). An interrupting one terminates the
 * other children of its scope and closes the scope's other event sub-process subscriptions first (the
 * scope takes no further event of its own); a non-interrupting one runs beside them and may fire again.
 */
public final class EventSubProcessBehavior {

  private final BpmnBehaviors behaviors;

  EventSubProcessBehavior(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  /** The single start event of an event sub-process. */
  public static FlowNode startEventOf(FlowNode eventSubProcess) {
    return eventSubProcess.children().stream().filter(child -> child.type() == BpmnElementType.START_EVENT).findFirst()
        .orElseThrow(() -> new IllegalStateException("Expected event sub-process '" + eventSubProcess.id()
            + "' to have a start event, but it has none: the deploy-time check should have rejected it"));
  }

  private static boolean isScope(BpmnElementContext element) {
    return element.node().type().isContainer() && !BpmnBehaviors.isMultiInstanceBody(element);
  }

  /** The scope was activated: open the subscriptions of its event sub-processes' timer and signal starts. */
  void subscribe(BpmnElementContext scope) {
    if (!isScope(scope)) {
      return;
    }
    for (FlowNode eventSubProcess : scope.node().eventSubProcesses()) {
      FlowNode start = startEventOf(eventSubProcess);
      try {
        if (start.event().type() == EventType.TIMER) {
          behaviors.events().createTimer(scope, start, behaviors.events().schedule(start.event(), scope.key()));
        } else if (start.event().type() == EventType.SIGNAL) {
          behaviors.signals().subscribe(scope, start);
        } else if (start.event().type() == EventType.MESSAGE) {
          behaviors.messages().subscribe(scope, start);
        }
      } catch (ExpressionException e) {
        behaviors.incidents().raise(scope, IncidentBehavior.EXTRACT_VALUE_ERROR, "Failed to subscribe the start event '"
            + start.id() + "' of event sub-process '" + eventSubProcess.id() + "': " + e.getMessage(), null);
      }
    }
  }

  /**
   * Catches an error in {@code scope} with an error event sub-process whose code matches (or that
   * catches all); false when the scope has none, or {@code cameFrom} is one of its event sub-processes.
   */
  public boolean catchError(BpmnElementContext scope, ElementInstance cameFrom, String code, Map<String, Object> variables) {
    return catchByCode(scope, cameFrom, EventType.ERROR, code, variables);
  }

  public boolean catchEscalation(BpmnElementContext scope, ElementInstance cameFrom, String code) {
    return catchByCode(scope, cameFrom, EventType.ESCALATION, code, Map.of());
  }

  private boolean catchByCode(BpmnElementContext scope, ElementInstance cameFrom, EventType type, String code,
      Map<String, Object> variables) {
    // an event thrown inside an event sub-process is not caught by its own scope's event sub-processes,
    // or a non-interrupting one could trigger itself without end
    if (!isScope(scope) || scope.node().eventSubProcesses().isEmpty()
        || cameFrom != null && cameFrom.elementType() == BpmnElementType.EVENT_SUB_PROCESS || isInterrupted(scope)) {
      return false;
    }
    Optional<FlowNode> start = matching(scope.node(), type, code);
    start.ifPresent(s -> trigger(scope, s, variables));
    return start.isPresent();
  }

  private static Optional<FlowNode> matching(FlowNode scope, EventType type, String code) {
    var starts = scope.eventSubProcesses().stream().map(EventSubProcessBehavior::startEventOf)
        .filter(start -> start.event().type() == type).toList();
    return starts.stream().filter(start -> Objects.equals(start.event().code(), code)).findFirst()
        .or(() -> starts.stream().filter(start -> start.event().code() == null).findFirst());
  }

  /** Whether an interrupting event sub-process already runs in the scope: it then takes no further event. */
  private boolean isInterrupted(BpmnElementContext scope) {
    return behaviors.context().state().elementInstances().activeChildren(scope.key()).stream()
        .filter(child -> child.elementType() == BpmnElementType.EVENT_SUB_PROCESS)
        .anyMatch(child -> startEventOf(scope.process().flowNode(child.elementId())).interrupting());
  }

  /** Starts the event sub-process of {@code start} in its scope, interrupting the scope first when it must. */
  public void trigger(BpmnElementContext scope, FlowNode start, Map<String, Object> variables) {
    if (scope.instance().state() != io.milepost.engine.state.ElementState.ACTIVATED || isInterrupted(scope)) {
      return;
    }
    if (start.interrupting()) {
      closeSubscriptions(scope);
      for (ElementInstance child : behaviors.context().state().elementInstances().activeChildren(scope.key())) {
        behaviors.terminate(behaviors.load(child));
      }
      behaviors.context().state().joins().applyScopeEnded(scope.key());
    }
    ElementInstance instance = behaviors.activate(start.flowScope(), scope.key(), scope.processInstance(), null);
    // the event's variables land where the start event's output mappings (or the scope's variables) say
    EventVariables.apply(behaviors, start.outputs().isEmpty() ? scope.key() : instance.key(), start, scope,
        variables);
  }

  /** Closes the scope's event sub-process subscriptions; the scope's own boundary events stay. */
  private void closeSubscriptions(BpmnElementContext scope) {
    var state = behaviors.context().state();
    state.timers().ofElementInstance(scope.key()).stream()
        .filter(timer -> scope.process().flowNode(timer.elementId()).type() == BpmnElementType.START_EVENT)
        .forEach(timer -> state.timers().applyCanceled(timer));
    state.signalSubscriptions().ofElementInstance(scope.key()).stream()
        .filter(subscription -> scope.process().flowNode(subscription.elementId()).type() == BpmnElementType.START_EVENT)
        .forEach(subscription -> state.signalSubscriptions().applyDeleted(subscription));
    state.messages().subscriptionsOf(scope.key()).stream()
        .filter(subscription -> scope.process().flowNode(subscription.elementId()).type() == BpmnElementType.START_EVENT)
        .forEach(subscription -> state.messages().applyUnsubscribed(subscription));
  }
}
