package io.milepost.engine.processing;

import io.milepost.engine.model.SequenceFlow;
import java.util.List;

/**
 * The behaviour of one element type in the element lifecycle. Input mappings ran before
 * {@link #onActivate}; output mappings run before {@link #outgoingFlows}.
 */
public interface ElementProcessor {

  /** The element is activating: do its work, then move it on (or leave it waiting). */
  void onActivate(BpmnElementContext context);

  /** Which flows to take when the element completes; may throw an expression error (incident). */
  default List<SequenceFlow> outgoingFlows(BpmnElementContext context) {
    return context.node().outgoing();
  }

  /** The element has completed (before its outgoing flows are taken). */
  default void onCompleted(BpmnElementContext context) {}

  /** The element is terminating: release what it holds (jobs, user tasks, subscriptions). */
  default void onTerminate(BpmnElementContext context) {}

  /** A container's child completed or terminated; the default completes the container when nothing is left in it. */
  default void onChildFinished(BpmnElementContext container, BpmnElementContext child, BpmnBehaviors behaviors) {
    behaviors.completeScopeIfDone(container);
  }
}
