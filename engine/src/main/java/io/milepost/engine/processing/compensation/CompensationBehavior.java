package io.milepost.engine.processing.compensation;

import io.milepost.engine.model.BpmnElementType;
import io.milepost.engine.model.FlowNode;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.state.CompensationSubscriptions;
import io.milepost.engine.state.CompensationSubscriptions.Subscription;
import io.milepost.engine.state.ElementInstance;
import io.milepost.engine.state.ElementState;
import java.util.List;
import java.util.Objects;

/**
 * Compensation. Each completed instance of an activity with a compensation handler is remembered in
 * its scope (a completed embedded sub-process or multi-instance body hands its remembered activities
 * to its parent; a sub-process with a handler of its own is undone by that handler instead). A
 * compensation throw event starts the handlers of its scope's remembered activities, most recently
 * completed first, all in the same step (Camunda 8 runs them concurrently), and waits until every
 * one of them has completed. Thrown inside an event sub-process, it undoes the work of the enclosing scope.
 */
public final class CompensationBehavior {

  private final BpmnBehaviors behaviors;

  public CompensationBehavior(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  private CompensationSubscriptions subscriptions() {
    return behaviors.context().state().compensationSubscriptions();
  }

  /** An element completed (before it takes its flows). */
  public void onCompleted(BpmnElementContext completed) {
    if (!completed.process().usesCompensation()) {
      return;
    }
    FlowNode node = completed.node();
    if (node.forCompensation() && !BpmnBehaviors.isInnerInstance(completed)) {
      handlerCompleted(completed);
    }
    Long scopeKey = completed.instance().flowScopeKey();
    if (node.type() == BpmnElementType.PROCESS) {
      subscriptions().applyProcessInstanceEnded(completed.processInstance().key());
      return;
    }
    if (BpmnBehaviors.isMultiInstanceBody(completed)) {
      subscriptions().applyMoved(completed.key(), scopeKey); // each inner instance is undone on its own
      return;
    }
    if (node.type().isContainer()) {
      if (node.compensationHandler() != null) {
        subscriptions().applyScopeEnded(completed.key());
      } else {
        subscriptions().applyMoved(completed.key(), scopeKey);
      }
    }
    if (node.compensationHandler() != null) {
      subscriptions().applyCreated(new Subscription(behaviors.context().nextKey(), completed.processInstance().key(),
          scopeKey, node.id(), completed.key(), node.compensationHandler().id(), null, null));
    }
  }

  /** An element is terminating: what completed inside it can no longer be undone. */
  public void onTerminating(BpmnElementContext element) {
    if (!element.process().usesCompensation()) {
      return;
    }
    if (element.node().type() == BpmnElementType.PROCESS) {
      subscriptions().applyProcessInstanceEnded(element.processInstance().key());
    } else if (element.node().type().isContainer() || BpmnBehaviors.isMultiInstanceBody(element)) {
      subscriptions().applyScopeEnded(element.key());
    }
  }

  /**
   * A compensation throw event was activated: starts the handlers it calls for. Returns false when
   * there is nothing to undo (the throw event then completes at once).
   */
  public boolean throwCompensation(BpmnElementContext throwEvent) {
    long scopeKey = throwEvent.instance().flowScopeKey();
    ElementInstance scope = behaviors.context().state().elementInstances().get(scopeKey).orElseThrow();
    if (scope.elementType() == BpmnElementType.EVENT_SUB_PROCESS) {
      scopeKey = scope.flowScopeKey();
    }
    String activity = throwEvent.node().event().code();
    List<Subscription> pending = subscriptions().pendingOfScope(scopeKey).stream()
        .filter(subscription -> activity == null || Objects.equals(subscription.elementId(), activity)).toList();
    for (Subscription subscription : pending) {
      FlowNode handler = throwEvent.process().flowNode(subscription.handlerId());
      ElementInstance started = behaviors.activate(handler, scopeKey, throwEvent.processInstance(), null);
      subscriptions().applyTriggered(subscription, throwEvent.key(), started.key());
    }
    return !pending.isEmpty();
  }

  private void handlerCompleted(BpmnElementContext handler) {
    subscriptions().ofHandlerInstance(handler.key()).ifPresent(subscription -> {
      subscriptions().applyCompleted(subscription);
      if (subscriptions().countThrownBy(subscription.thrownBy()) == 0) {
        behaviors.context().state().elementInstances().get(subscription.thrownBy())
            .filter(thrower -> thrower.state() == ElementState.ACTIVATED)
            .ifPresent(thrower -> behaviors.complete(behaviors.load(thrower)));
      }
    });
  }
}
