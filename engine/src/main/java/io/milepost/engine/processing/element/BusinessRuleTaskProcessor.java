package io.milepost.engine.processing.element;

import io.milepost.engine.api.DecisionEvaluation;
import io.milepost.engine.expression.ExpressionException;
import io.milepost.engine.model.CalledDecisionProperties;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.DecisionBehavior;
import io.milepost.engine.processing.ElementProcessor;
import io.milepost.engine.processing.IncidentBehavior;
import io.milepost.engine.state.Decisions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A business rule task with {@code zeebe:calledDecision}: evaluates the decision in the command that activates
 * the task and stores its output in the result variable (local when the task has output mappings, which decide;
 * else merged upwards), then completes. A decision that is not deployed, or whose evaluation fails, raises an
 * incident; resolving it evaluates again. With a {@code zeebe:taskDefinition} instead it is a job-worker task.
 */
public final class BusinessRuleTaskProcessor implements ElementProcessor {

  /** Camunda's incident types for a decision that cannot be found, and one whose evaluation failed. */
  static final String CALLED_DECISION_ERROR = "CALLED_DECISION_ERROR";
  static final String DECISION_EVALUATION_ERROR = "DECISION_EVALUATION_ERROR";

  private final BpmnBehaviors behaviors;
  private final JobWorkerTaskProcessor jobWorker;

  public BusinessRuleTaskProcessor(BpmnBehaviors behaviors, JobWorkerTaskProcessor jobWorker) {
    this.behaviors = behaviors;
    this.jobWorker = jobWorker;
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    if (context.node().jobWorker() != null) {
      jobWorker.onActivate(context);
      return;
    }
    Map<String, Object> variables = behaviors.variables().visible(context.key());
    Decisions.StoredDecision decision;
    try {
      decision = findDecision(context, context.node().calledDecision(), variables);
    } catch (ExpressionException e) {
      behaviors.incidents().raise(context, CALLED_DECISION_ERROR, e.getMessage(), null);
      return;
    }
    DecisionEvaluation evaluation = behaviors.decisions().evaluate(decision, variables, new DecisionBehavior.Origin(
        context.processInstance().processDefinitionKey(), context.processInstance().key(), context.key(),
        context.node().id()));
    if (evaluation.failed()) {
      behaviors.incidents().raise(context, DECISION_EVALUATION_ERROR, "Expected to evaluate decision '"
          + evaluation.failedDecisionId() + "', but " + evaluation.failureMessage(), null);
      return;
    }
    BpmnElementContext activated = behaviors.activated(context);
    String resultVariable = context.node().calledDecision().resultVariable();
    if (resultVariable != null && !resultVariable.isBlank()) {
      Map<String, Object> result = new HashMap<>();
      result.put(resultVariable, evaluation.output());
      long processInstanceKey = activated.processInstance().key();
      if (activated.node().outputs().isEmpty()) {
        behaviors.variables().merge(activated.key(), processInstanceKey, result, activated.tenantId());
      } else {
        behaviors.variables().setLocal(activated.key(), processInstanceKey, result, activated.tenantId());
      }
    }
    behaviors.complete(activated);
  }

  private Decisions.StoredDecision findDecision(BpmnElementContext context, CalledDecisionProperties called,
      Map<String, Object> variables) {
    String decisionId = behaviors.context().expressions().evaluateString(called.decisionId(), variables);
    Decisions decisions = behaviors.context().state().decisions();
    Optional<Decisions.StoredDecision> found = switch (called.bindingType()) {
      case "deployment" -> behaviors.context().state().definitions().process(context.processInstance().processDefinitionKey())
          .flatMap(process -> decisions.decisionOfDeployment(decisionId, process.deploymentKey()));
      case "versionTag" -> decisions.decisionWithVersionTag(decisionId, called.versionTag(), context.tenantId());
      default -> decisions.latestDecision(decisionId, context.tenantId());
    };
    return found.orElseThrow(() -> new ExpressionException(switch (called.bindingType()) {
      case "deployment" -> "Expected to evaluate decision '" + decisionId + "' deployed together with the process, "
          + "but that deployment has no decision with this id";
      case "versionTag" -> "Expected to evaluate decision '" + decisionId + "' with version tag '" + called.versionTag()
          + "', but no such decision is deployed";
      default -> "Expected to evaluate decision '" + decisionId + "', but no decision with this id is deployed";
    }));
  }

  @Override
  public void onTerminate(BpmnElementContext context) {
    if (context.node().jobWorker() != null) {
      jobWorker.onTerminate(context);
    }
  }
}
