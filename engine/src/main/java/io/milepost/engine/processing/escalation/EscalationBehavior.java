package io.milepost.engine.processing.escalation;

import io.milepost.engine.model.EventType;
import io.milepost.engine.model.FlowNode;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.state.ElementInstance;
import java.util.Objects;
import java.util.Optional;

/**
 * Escalations thrown by intermediate throw and end events. From the thrower's scope outwards (and
 * across a call activity into the calling instance), the first escalation event sub-process or
 * escalation boundary event of a sub-process or call activity whose code matches (or that catches all)
 * catches it. Unlike an error, an escalation nobody catches is no incident: the flow just continues.
 */
public final class EscalationBehavior {

  private final BpmnBehaviors behaviors;

  public EscalationBehavior(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  /**
   * Throws an escalation from an activated element. The thrower may be terminated by an interrupting
   * catch on the way out; callers check its state before moving it on.
   */
  public void throwEscalation(BpmnElementContext source, String code) {
    ElementInstance cameFrom = source.instance();
    Long current = parentOf(source);
    while (current != null) {
      BpmnElementContext scope = behaviors.load(current);
      if (behaviors.eventSubProcesses().catchEscalation(scope, cameFrom, code)) {
        return;
      }
      if (BpmnBehaviors.hostsBoundaryEvents(scope)) {
        Optional<FlowNode> catcher = catcher(scope.node(), code);
        if (catcher.isPresent()) {
          if (catcher.get().interrupting()) {
            behaviors.terminate(scope);
          }
          behaviors.activate(catcher.get(), scope.instance().flowScopeKey(), scope.processInstance(), null);
          return;
        }
      }
      cameFrom = scope.instance();
      current = parentOf(scope);
    }
  }

  /** The enclosing scope, or for a called process the call activity in the calling instance. */
  private static Long parentOf(BpmnElementContext element) {
    Long scope = element.instance().flowScopeKey();
    return scope != null ? scope : element.processInstance().parentElementInstanceKey();
  }

  private static Optional<FlowNode> catcher(FlowNode host, String code) {
    var escalations = host.boundaryEvents().stream().filter(b -> b.event().type() == EventType.ESCALATION).toList();
    return escalations.stream().filter(b -> Objects.equals(b.event().code(), code)).findFirst()
        .or(() -> escalations.stream().filter(b -> b.event().code() == null).findFirst());
  }
}
