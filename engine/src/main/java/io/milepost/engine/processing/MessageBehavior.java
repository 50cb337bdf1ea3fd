package io.milepost.engine.processing;

import io.milepost.engine.expression.ExpressionException;
import io.milepost.engine.model.BpmnElementType;
import io.milepost.engine.model.FlowNode;
import io.milepost.engine.state.Messages;
import java.util.Map;

/**
 * Message subscriptions with Camunda 8 correlation: a subscription opened by an element instance
 * (catch event, receive task, boundary event's activity, event-based gateway) takes a buffered
 * message at once if one waits; a published message reaches at most one subscription per process
 * instance, and a buffered one each process instance at most once.
 */
public final class MessageBehavior {

  private final BpmnBehaviors behaviors;

  MessageBehavior(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  private ProcessingContext context() {
    return behaviors.context();
  }

  /** A message name and correlation key, evaluated for one event. */
  public record Target(FlowNode event, String name, String correlationKey) {}

  /** Evaluates what {@code event} waits for in the owner's scope; throws ExpressionException (an incident). */
  public Target prepare(BpmnElementContext owner, FlowNode event) {
    Map<String, Object> variables = behaviors.variables().visible(owner.key());
    String name = context().expressions().evaluateString(event.event().messageName(), variables);
    if (event.event().correlationKey() == null) {
      throw new ExpressionException("Expected message '" + name + "' of '" + event.id() + "' to have a correlation key, but it has none");
    }
    return new Target(event, name, context().expressions().evaluateString(event.event().correlationKey(), variables));
  }

  /** Opens a subscription for {@code event}, owned by {@code owner}; may correlate a buffered message at once. */
  public void subscribe(BpmnElementContext owner, FlowNode event) {
    open(owner, prepare(owner, event));
  }

  /** Opens a prepared subscription; takes a buffered message at once if one waits. */
  public void open(BpmnElementContext owner, Target target) {
    FlowNode event = target.event();
    String name = target.name();
    String correlationKey = target.correlationKey();
    var pi = owner.processInstance();
    Messages.Subscription subscription = new Messages.Subscription(context().nextKey(), name, correlationKey, event.id(),
        owner.key(), pi.key(), pi.processDefinitionKey(), pi.bpmnProcessId(), event.interrupting(), pi.tenantId());
    context().state().messages().applySubscribed(subscription);
    for (Messages.Message message : context().state().messages().live(name, correlationKey, context().now())) {
      if (!context().state().messages().correlatedTo(message.key(), pi.key())) {
        correlate(subscription, message.key(), correlationKey, toMap(message.variablesJson()));
        return;
      }
    }
  }

  /** Closes every subscription an element instance holds (it is completing or terminating). */
  void unsubscribeAll(long elementInstanceKey) {
    context().state().messages().subscriptionsOf(elementInstanceKey)
        .forEach(s -> context().state().messages().applyUnsubscribed(s));
  }

  /**
   * Delivers a message to a subscription; returns the process instance it reached. The message's correlation key
   * is the one a message start event's instance is started for (its subscription has none).
   */
  public long correlate(Messages.Subscription subscription, long messageKey, String correlationKey,
      Map<String, Object> variables) {
    if (subscription.isStartEvent()) {
      return startByMessage(subscription, messageKey, correlationKey, variables);
    }
    BpmnElementContext owner = behaviors.load(subscription.elementInstanceKey());
    context().state().messages().applyCorrelated(messageKey, owner.processInstance().key(), null, subscription.elementId());
    if (owner.node().type() == BpmnElementType.EVENT_BASED_GATEWAY) {
      behaviors.events().triggerEventBasedGateway(owner, owner.process().flowNode(subscription.elementId()), variables);
    } else if (owner.node().id().equals(subscription.elementId()) && !BpmnBehaviors.isMultiInstanceBody(owner)) {
      unsubscribeAll(owner.key());
      setEventVariables(owner, variables);
      behaviors.complete(owner);
    } else {
      FlowNode boundary = owner.process().flowNode(subscription.elementId());
      if (boundary.type() == BpmnElementType.START_EVENT) {
        behaviors.eventSubProcesses().trigger(owner, boundary, variables); // the start of an event sub-process
      } else {
        behaviors.events().triggerBoundary(owner, boundary, variables);
      }
    }
    return owner.processInstance().key();
  }

  private long startByMessage(Messages.Subscription subscription, long messageKey, String correlationKey,
      Map<String, Object> variables) {
    long instance = behaviors.startProcessInstanceAt(subscription.processDefinitionKey(), subscription.elementId(), variables);
    if (correlationKey != null && !correlationKey.isEmpty()) {
      context().state().processInstances().applyCorrelationKey(instance, subscription.bpmnProcessId(), correlationKey);
    }
    context().state().messages().applyCorrelated(messageKey, instance, subscription.bpmnProcessId(), subscription.elementId());
    return instance;
  }

  /** Message variables: local to the event when it has output mappings (they decide), else merged upwards. */
  void setEventVariables(BpmnElementContext element, Map<String, Object> variables) {
    if (variables == null || variables.isEmpty()) {
      return;
    }
    if (element.node().outputs().isEmpty()) {
      behaviors.variables().merge(element.key(), element.processInstance().key(), variables, element.tenantId());
    } else {
      behaviors.variables().setLocal(element.key(), element.processInstance().key(), variables, element.tenantId());
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> toMap(String json) {
    Object value = context().codec().fromJson(json);
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
