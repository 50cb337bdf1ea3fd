package io.milepost.engine.processing.signal;

import io.milepost.engine.expression.ExpressionException;
import io.milepost.engine.model.BpmnElementType;
import io.milepost.engine.model.EventType;
import io.milepost.engine.model.ExecutableProcess;
import io.milepost.engine.model.FlowNode;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.EventVariables;
import io.milepost.engine.processing.IncidentBehavior;
import io.milepost.engine.state.ElementInstance;
import io.milepost.engine.state.ElementState;
import io.milepost.engine.state.SignalSubscriptions;
import io.milepost.engine.state.SignalSubscriptions.Subscription;
import java.util.Map;
import java.util.Optional;

/**
 * Signals: subscriptions of catch events, boundary events and event sub-process starts while their
 * element or scope is active, and the broadcast that triggers every subscription with the signal's
 * name (starting instances at signal start events, completing catch events, taking boundary events).
 */
public final class SignalBehavior {

  private final BpmnBehaviors behaviors;

  public SignalBehavior(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  private SignalSubscriptions subscriptions() {
    return behaviors.context().state().signalSubscriptions();
  }

  /** {@code owner} waits for the signal of {@code event} (itself, one of its boundary events, or an event sub-process start). */
  public void subscribe(BpmnElementContext owner, FlowNode event) {
    open(owner, event, name(owner, event));
  }

  /** The signal name of an event, evaluated in the scope of the element that will wait for it. */
  public String name(BpmnElementContext owner, FlowNode event) {
    return behaviors.context().expressions().evaluateString(event.event().signalName(),
        behaviors.variables().visible(owner.key()));
  }

  public void open(BpmnElementContext owner, FlowNode event, String name) {
    subscriptions().applyCreated(new Subscription(behaviors.context().nextKey(), name, event.id(), owner.key(),
        owner.processInstance().key(), owner.processInstance().processDefinitionKey(), event.interrupting(),
        owner.tenantId()));
  }

  /**
   * A new version of a process was deployed: the signal start events of the previous versions stop
   * starting instances, the new version's start. A start event has no instance to take variables from,
   * so its signal name is evaluated without any.
   */
  public void replaceStartSubscriptions(ExecutableProcess process, long processDefinitionKey, String tenantId) {
    subscriptions().startEventsOf(process.bpmnProcessId(), tenantId).forEach(subscriptions()::applyDeleted);
    for (FlowNode start : process.root().children()) {
      if (start.type() == BpmnElementType.START_EVENT && start.event().type() == EventType.SIGNAL) {
        String name = behaviors.context().expressions().evaluateString(start.event().signalName(), Map.of());
        subscriptions().applyCreated(new Subscription(behaviors.context().nextKey(), name, start.id(), null, null,
            processDefinitionKey, true, tenantId));
      }
    }
  }

  /** The activity was activated: subscribe its signal boundary events. */
  public void subscribeBoundaryEvents(BpmnElementContext host) {
    for (FlowNode boundary : host.node().boundaryEvents()) {
      if (boundary.event().type() == EventType.SIGNAL) {
        try {
          subscribe(host, boundary);
        } catch (ExpressionException e) {
          behaviors.incidents().raise(host, IncidentBehavior.EXTRACT_VALUE_ERROR,
              "Failed to subscribe signal boundary event '" + boundary.id() + "': " + e.getMessage(), null);
        }
      }
    }
  }

  /** The element is leaving (completing or terminating): it waits for no signal any more. */
  public void unsubscribe(BpmnElementContext element) {
    if (element.process().usesSignals()) {
      subscriptions().ofElementInstance(element.key()).forEach(subscriptions()::applyDeleted);
    }
  }

  /** Broadcasts a signal to every subscription with its name; returns the signal's key. */
  public long broadcast(String name, Map<String, Object> variables, String tenantId) {
    long key = behaviors.context().nextKey();
    Map<String, Object> values = variables == null ? Map.of() : variables;
    subscriptions().applyBroadcast(key, name, values);
    for (Subscription subscription : subscriptions().ofName(name, tenantId)) {
      // an earlier trigger of this broadcast may have ended the owner of a later subscription
      if (subscriptions().get(subscription.key()).isPresent()) {
        trigger(subscription, values);
      }
    }
    return key;
  }

  private void trigger(Subscription subscription, Map<String, Object> variables) {
    if (subscription.elementInstanceKey() == null) {
      behaviors.startProcessInstanceAt(subscription.processDefinitionKey(), subscription.elementId(), variables);
      return;
    }
    Optional<ElementInstance> owner = behaviors.context().state().elementInstances().get(subscription.elementInstanceKey());
    if (owner.isEmpty() || owner.get().state() != ElementState.ACTIVATED) {
      return;
    }
    BpmnElementContext element = behaviors.load(owner.get());
    FlowNode event = element.process().flowNode(subscription.elementId());
    if (element.node().type() == BpmnElementType.EVENT_BASED_GATEWAY) {
      behaviors.events().triggerEventBasedGateway(element, event, variables);
    } else if (event.type() == BpmnElementType.START_EVENT) {
      behaviors.eventSubProcesses().trigger(element, event, variables);
    } else if (event.type() == BpmnElementType.BOUNDARY_EVENT) {
      if (event.interrupting()) {
        behaviors.terminate(element);
      }
      ElementInstance boundary = behaviors.activate(event, element.instance().flowScopeKey(), element.processInstance(), null);
      EventVariables.apply(behaviors, boundary.key(), event, element, variables);
    } else {
      subscriptions().applyDeleted(subscription);
      EventVariables.apply(behaviors, element.key(), event, element, variables);
      behaviors.complete(element);
    }
  }
}
