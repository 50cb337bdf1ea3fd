package io.milepost.engine.processing.element;

import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.expression.ExpressionException;
import io.milepost.engine.model.CallActivityProperties;
import io.milepost.engine.model.ExecutableProcess;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;
import io.milepost.engine.processing.IncidentBehavior;
import io.milepost.engine.state.Definitions;
import io.milepost.engine.state.ProcessInstance;
import java.util.HashMap;
import java.util.Map;

/**
 * A call activity: starts the latest version of the called process as a child instance (with all
 * the parent's visible variables, or only its input mappings), waits for it, and takes the child's
 * variables back. Terminating it terminates the child.
 */
public final class CallActivityProcessor implements ElementProcessor {

  private final BpmnBehaviors behaviors;

  public CallActivityProcessor(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    CallActivityProperties called = context.node().callActivity();
    Definitions.StoredProcess definition;
    try {
      String processId = behaviors.context().expressions().evaluateString(called.processId(),
          behaviors.variables().visible(context.key()));
      definition = behaviors.context().state().definitions().latestProcess(processId, context.tenantId())
          .orElseThrow(() -> new ExpressionException("Expected process with BPMN process id '" + processId
              + "' to be deployed, but not found."));
    } catch (ExpressionException e) {
      behaviors.incidents().raise(context, IncidentBehavior.CALLED_ELEMENT_ERROR, e.getMessage(), null);
      return;
    }
    BpmnElementContext activated = behaviors.activated(context);
    ExecutableProcess process = behaviors.context().processes().get(definition.key(), behaviors.context().state().definitions());
    Map<String, Object> variables = called.propagateAllParentVariables()
        ? behaviors.variables().visible(activated.key())
        : localVariables(activated);
    ProcessInstance child = new ProcessInstance(behaviors.context().nextKey(), definition.key(), definition.bpmnProcessId(),
        definition.version(), ProcessInstanceState.ACTIVE, activated.processInstance().key(), activated.key(), definition.tenantId());
    behaviors.startProcessInstance(child, process, variables, null);
  }

  private Map<String, Object> localVariables(BpmnElementContext element) {
    Map<String, Object> locals = new HashMap<>();
    behaviors.context().state().variables().ofScope(element.key())
        .forEach((name, json) -> locals.put(name, behaviors.context().codec().fromJson(json)));
    return locals;
  }

  /** The child instance completed: its variables come back and the call activity completes. */
  void childCompleted(BpmnElementContext childProcess) {
    BpmnElementContext callActivity = behaviors.load(childProcess.processInstance().parentElementInstanceKey());
    Map<String, Object> childVariables = localVariables(childProcess);
    if (!childVariables.isEmpty()) {
      if (!callActivity.node().outputs().isEmpty()) {
        // the output mappings read the child's variables, whether or not all of them would propagate, and only
        // what they name leaves the call activity
        behaviors.variables().setLocal(callActivity.key(), callActivity.processInstance().key(), childVariables,
            callActivity.tenantId());
      } else if (callActivity.node().callActivity().propagateAllChildVariables()) {
        behaviors.variables().merge(callActivity.key(), callActivity.processInstance().key(), childVariables, callActivity.tenantId());
      }
    }
    behaviors.complete(callActivity);
  }

  @Override
  public void onTerminate(BpmnElementContext context) {
    for (long child : behaviors.context().state().processInstances().activeChildren(context.processInstance().key())) {
      BpmnElementContext childProcess = behaviors.load(child);
      if (Long.valueOf(context.key()).equals(childProcess.processInstance().parentElementInstanceKey())) {
        behaviors.terminate(childProcess);
        behaviors.processInstanceEnded(childProcess, ProcessInstanceState.TERMINATED);
      }
    }
  }
}
