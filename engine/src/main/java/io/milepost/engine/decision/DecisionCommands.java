package io.milepost.engine.decision;

import io.milepost.engine.api.DecisionEvaluation;
import io.milepost.engine.api.EvaluateDecision;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.RejectionType;
import io.milepost.engine.deployment.DeploymentCommands;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.DecisionBehavior;
import io.milepost.engine.state.Decisions;
import java.util.Map;

/** Evaluating a decision through the API, without a process: by key, or the latest version of an id. */
public final class DecisionCommands {

  private final BpmnBehaviors behaviors;

  public DecisionCommands(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  public DecisionEvaluation evaluate(EvaluateDecision command) {
    Decisions decisions = behaviors.context().state().decisions();
    Decisions.StoredDecision decision;
    if (command.decisionKey() != null) {
      decision = decisions.decision(command.decisionKey()).orElseThrow(() -> new RejectionException(
          RejectionType.NOT_FOUND, "Expected to evaluate decision with key '" + command.decisionKey()
              + "', but no such decision was found"));
    } else if (command.decisionId() != null && !command.decisionId().isBlank()) {
      decision = decisions.latestDecision(command.decisionId(), DeploymentCommands.DEFAULT_TENANT).orElseThrow(() ->
          new RejectionException(RejectionType.NOT_FOUND, "Expected to evaluate decision with id '"
              + command.decisionId() + "', but no such decision was found"));
    } else {
      throw new RejectionException(RejectionType.INVALID_ARGUMENT,
          "Expected either a decision key or a decision id to evaluate, but found neither");
    }
    Map<String, Object> variables = command.variables() == null ? Map.of() : command.variables();
    return behaviors.decisions().evaluate(decision, variables, DecisionBehavior.Origin.api());
  }
}
