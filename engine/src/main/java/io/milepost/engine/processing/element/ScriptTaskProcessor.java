package io.milepost.engine.processing.element;

import io.milepost.engine.expression.ExpressionException;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;
import io.milepost.engine.processing.IncidentBehavior;
import java.util.HashMap;
import java.util.Map;

/**
 * A script task: evaluates its {@code zeebe:script} FEEL expression and stores the result in its
 * result variable (local when the task has output mappings, which decide; else merged upwards like a
 * job's variables), then completes. With a {@code zeebe:taskDefinition} instead it is a job-worker task.
 */
public final class ScriptTaskProcessor implements ElementProcessor {

  private final BpmnBehaviors behaviors;
  private final JobWorkerTaskProcessor jobWorker;

  public ScriptTaskProcessor(BpmnBehaviors behaviors, JobWorkerTaskProcessor jobWorker) {
    this.behaviors = behaviors;
    this.jobWorker = jobWorker;
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    if (context.node().jobWorker() != null) {
      jobWorker.onActivate(context);
      return;
    }
    Object result;
    try {
      result = behaviors.context().expressions().evaluate(context.node().script(), behaviors.variables().visible(context.key()));
    } catch (ExpressionException e) {
      behaviors.incidents().raise(context, IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage(), null);
      return;
    }
    BpmnElementContext activated = behaviors.activated(context);
    String resultVariable = context.node().scriptResultVariable();
    if (resultVariable != null && !resultVariable.isBlank()) {
      Map<String, Object> variables = new HashMap<>();
      variables.put(resultVariable, result);
      long processInstanceKey = activated.processInstance().key();
      if (activated.node().outputs().isEmpty()) {
        behaviors.variables().merge(activated.key(), processInstanceKey, variables, activated.tenantId());
      } else {
        behaviors.variables().setLocal(activated.key(), processInstanceKey, variables, activated.tenantId());
      }
    }
    behaviors.complete(activated);
  }

  @Override
  public void onTerminate(BpmnElementContext context) {
    if (context.node().jobWorker() != null) {
      jobWorker.onTerminate(context);
    }
  }
}
