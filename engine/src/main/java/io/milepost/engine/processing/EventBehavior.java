package io.milepost.engine.processing;

import io.milepost.engine.expression.ExpressionException;
import io.milepost.engine.model.BpmnElementType;
import io.milepost.engine.model.EventDefinition;
import io.milepost.engine.model.EventType;
import io.milepost.engine.model.FlowNode;
import io.milepost.engine.state.ElementInstance;
import io.milepost.engine.state.Timers;
import io.milepost.engine.timer.TimerSchedule;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Catching events: timers for catch and boundary events, and BPMN errors thrown by jobs and error
 * end events, caught by the nearest boundary event whose code matches (or that catches all).
 */
public final class EventBehavior {

  private final BpmnBehaviors behaviors;

  EventBehavior(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  private ProcessingContext context() {
    return behaviors.context();
  }

  // ---- timers

  /** The first due time of a timer event, evaluated in a scope. */
  public TimerSchedule schedule(EventDefinition timer, long scopeKey) {
    Map<String, Object> variables = behaviors.variables().visible(scopeKey);
    var expressions = context().expressions();
    if (timer.timerDuration() != null) {
      return TimerSchedule.duration(expressions.evaluate(timer.timerDuration(), variables), context().now());
    }
    if (timer.timerDate() != null) {
      return TimerSchedule.date(expressions.evaluate(timer.timerDate(), variables));
    }
    if (timer.timerCycle() != null) {
      return TimerSchedule.cycle(expressions.evaluate(timer.timerCycle(), variables), context().now());
    }
    throw new ExpressionException("Expected a timer with a duration, date or cycle, but found none");
  }

  /** Schedules a timer owned by an element instance (a catch event, or an activity for its boundary). */
  public void createTimer(BpmnElementContext owner, FlowNode event, TimerSchedule schedule) {
    context().state().timers().applyCreated(new Timers.Timer(context().nextKey(), schedule.firstDueAt(),
        schedule.repetitions(), schedule.intervalMillis(), event.id(), owner.key(), owner.processInstance().key(),
        owner.processInstance().processDefinitionKey(), owner.tenantId()));
  }

  void subscribeBoundaryEvents(BpmnElementContext host) {
    for (FlowNode boundary : host.node().boundaryEvents()) {
      try {
        if (boundary.event().type() == EventType.TIMER) {
          createTimer(host, boundary, schedule(boundary.event(), host.key()));
        } else if (boundary.event().type() == EventType.MESSAGE) {
          behaviors.messages().subscribe(host, boundary);
        }
      } catch (ExpressionException e) {
        behaviors.incidents().raise(host, IncidentBehavior.EXTRACT_VALUE_ERROR,
            "Failed to subscribe boundary event '" + boundary.id() + "': " + e.getMessage(), null);
      }
    }
  }

  /** The element instance stops waiting for events: its timers and message subscriptions go. */
  void cancelSubscriptions(long elementInstanceKey) {
    context().state().timers().ofElementInstance(elementInstanceKey)
        .forEach(timer -> context().state().timers().applyCanceled(timer));
    behaviors.messages().unsubscribeAll(elementInstanceKey);
  }

  /**
   * A due timer fires: starts an instance at its timer start event, completes its catch event,
   * decides its event-based gateway, or triggers its boundary event.
   */
  public void trigger(Timers.Timer timer) {
    context().state().timers().applyTriggered(timer);
    if (timer.elementInstanceKey() == null) {
      rescheduleCycle(timer);
      behaviors.startProcessInstanceAt(timer.processDefinitionKey(), timer.elementId(), Map.of());
      return;
    }
    Optional<ElementInstance> owner = context().state().elementInstances().get(timer.elementInstanceKey());
    if (owner.isEmpty() || owner.get().state().isFinal()) {
      return;
    }
    BpmnElementContext element = behaviors.load(owner.get());
    if (element.node().type() == io.milepost.engine.model.BpmnElementType.EVENT_BASED_GATEWAY) {
      triggerEventBasedGateway(element, element.process().flowNode(timer.elementId()), Map.of());
    } else if (element.node().id().equals(timer.elementId()) && !BpmnBehaviors.isMultiInstanceBody(element)) {
      behaviors.complete(element); // an intermediate timer catch event
    } else {
      FlowNode boundary = element.process().flowNode(timer.elementId());
      if (!boundary.interrupting()) {
        rescheduleCycle(timer);
      }
      if (boundary.type() == BpmnElementType.START_EVENT) {
        behaviors.eventSubProcesses().trigger(element, boundary, Map.of()); // the start of an event sub-process
      } else {
        triggerBoundary(element, boundary, Map.of());
      }
    }
  }

  private void rescheduleCycle(Timers.Timer timer) {
    if (timer.repetitions() != 0 && timer.intervalMillis() != null) {
      int left = timer.repetitions() < 0 ? -1 : timer.repetitions() - 1;
      context().state().timers().applyCreated(new Timers.Timer(context().nextKey(), timer.dueAt() + timer.intervalMillis(),
          left, left == 0 ? null : timer.intervalMillis(), timer.elementId(), timer.elementInstanceKey(),
          timer.processInstanceKey(), timer.processDefinitionKey(), timer.tenantId()));
    }
  }

  /** A boundary event is triggered: an interrupting one ends its activity first. */
  void triggerBoundary(BpmnElementContext host, FlowNode boundary, Map<String, Object> variables) {
    Long scopeKey = host.instance().flowScopeKey();
    if (boundary.interrupting()) {
      behaviors.terminate(host);
    }
    behaviors.variables().merge(scopeKey, host.processInstance().key(), variables, host.tenantId());
    behaviors.activate(boundary, scopeKey, host.processInstance(), null);
  }

  /** An event after an event-based gateway happened: it wins, the others stop waiting. */
  public void triggerEventBasedGateway(BpmnElementContext gateway, FlowNode event, Map<String, Object> variables) {
    cancelSubscriptions(gateway.key());
    behaviors.variables().merge(gateway.instance().flowScopeKey(), gateway.processInstance().key(), variables, gateway.tenantId());
    ElementInstance winner = behaviors.activate(event, gateway.instance().flowScopeKey(), gateway.processInstance(), null);
    context().state().elementInstances().applyDetail(winner.key(), TRIGGERED);
    behaviors.complete(gateway);
  }

  /** Marks a catch event whose event already happened (after an event-based gateway): it passes straight through. */
  public static final String TRIGGERED = "{\"triggered\":true}";

  public boolean alreadyTriggered(BpmnElementContext element) {
    return context().state().elementInstances().detail(element.key()).map(TRIGGERED::equals).orElse(false);
  }

  // ---- errors

  /**
   * Throws a BPMN error from an element. From the element outwards, the first scope with a matching
   * error event sub-process starts it (interrupting the scope), or the first element with a matching
   * error boundary event is terminated and the boundary event taken; nobody catching it is an incident.
   */
  public void throwError(BpmnElementContext source, String code, String message, Map<String, Object> variables, Long jobKey) {
    Long current = source.key();
    ElementInstance cameFrom = null;
    while (current != null) {
      BpmnElementContext candidate = behaviors.load(current);
      if (behaviors.eventSubProcesses().catchError(candidate, cameFrom, code, variables)) {
        return;
      }
      if (BpmnBehaviors.hostsBoundaryEvents(candidate)) {
        Optional<FlowNode> catcher = errorCatcher(candidate.node(), code);
        if (catcher.isPresent()) {
          Long scopeKey = candidate.instance().flowScopeKey();
          behaviors.terminate(candidate);
          behaviors.variables().merge(scopeKey, candidate.processInstance().key(),
              variables == null ? Map.of() : variables, candidate.tenantId());
          behaviors.activate(catcher.get(), scopeKey, candidate.processInstance(), null);
          return;
        }
      }
      cameFrom = candidate.instance();
      current = candidate.instance().flowScopeKey() != null ? candidate.instance().flowScopeKey()
          : candidate.processInstance().parentElementInstanceKey(); // uncaught in a called process: its call activity
    }
    behaviors.incidents().raise(source, IncidentBehavior.UNHANDLED_ERROR_EVENT,
        "Expected to throw an error event with the code '" + code + "'"
            + (message == null || message.isBlank() ? "" : " with message '" + message + "'")
            + ", but it was not caught. No error events are available in the scope.", jobKey);
  }

  private static Optional<FlowNode> errorCatcher(FlowNode host, String code) {
    Optional<FlowNode> exact = host.boundaryEvents().stream()
        .filter(b -> b.event().type() == EventType.ERROR && Objects.equals(b.event().code(), code)).findFirst();
    return exact.or(() -> host.boundaryEvents().stream()
        .filter(b -> b.event().type() == EventType.ERROR && b.event().code() == null).findFirst());
  }
}
