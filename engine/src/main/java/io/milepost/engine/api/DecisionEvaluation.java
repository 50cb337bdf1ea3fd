package io.milepost.engine.api;

import java.util.List;

/**
 * The outcome of evaluating a decision: its output, or the failure (and which decision of the graph failed),
 * with every decision evaluated on the way, each kept as a decision instance.
 */
public record DecisionEvaluation(long evaluationKey, DecisionDefinitionView decision, Object output,
    String failureMessage, String failedDecisionId, List<EvaluatedDecision> evaluatedDecisions) {

  public boolean failed() {
    return failureMessage != null;
  }

  /** The decision instance of the called decision: the last one evaluated. */
  public String decisionInstanceId() {
    return evaluationKey + "-" + Math.max(1, evaluatedDecisions.size());
  }
}
