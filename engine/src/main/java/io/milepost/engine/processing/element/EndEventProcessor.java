package io.milepost.engine.processing.element;

import io.milepost.engine.model.EventType;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;
import io.milepost.engine.state.ElementInstance;
import java.util.Map;

/**
 * End events: a none end event completes; an error end event throws its error (the catching
 * boundary terminates the scope, or an incident); a terminate end event ends everything else in its scope.
 */
public final class EndEventProcessor implements ElementProcessor {

  private final BpmnBehaviors behaviors;
  private final PassThroughProcessor none;

  public EndEventProcessor(BpmnBehaviors behaviors, PassThroughProcessor none) {
    this.behaviors = behaviors;
    this.none = none;
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    EventType type = context.node().event().type();
    if (type == EventType.ERROR) {
      BpmnElementContext activated = behaviors.activated(context);
      behaviors.events().throwError(activated, context.node().event().code(), null, Map.of(), null);
    } else if (type == EventType.TERMINATE) {
      BpmnElementContext activated = behaviors.activated(context);
      for (ElementInstance sibling : behaviors.context().state().elementInstances().activeChildren(context.instance().flowScopeKey())) {
        if (sibling.key() != context.key()) {
          behaviors.terminate(behaviors.load(sibling));
        }
      }
      behaviors.context().state().joins().applyScopeEnded(context.instance().flowScopeKey());
      behaviors.complete(activated);
    } else {
      none.onActivate(context);
    }
  }
}
