package io.milepost.engine.decision;

import io.milepost.engine.api.EvaluatedDecision;
import java.util.List;

/**
 * What the DMN engine made of one evaluation: the output, or the failure and the decision that failed (with what
 * it saw, when it got that far: {@code failedStep}); and each decision it evaluated on the way, in order
 * (required decisions before the decisions that need them).
 */
public record DecisionOutcome(Object output, String failure, String failedDecisionId, List<Evaluated> evaluated,
    Evaluated failedStep) {

  public record Evaluated(String decisionId, String decisionType, Object output,
      List<EvaluatedDecision.EvaluatedInput> inputs, List<EvaluatedDecision.MatchedRule> matchedRules) {}
}
