package io.milepost.engine.api;

import java.util.List;

/**
 * One decision an evaluation evaluated (the called decision, or one it requires), with what it saw and decided.
 * {@code decisionType} is {@code DECISION_TABLE} or {@code LITERAL_EXPRESSION} (or {@code UNSPECIFIED}).
 */
public record EvaluatedDecision(String decisionInstanceId, long decisionDefinitionKey, String decisionId,
    String decisionName, int decisionVersion, String decisionType, Object output, List<EvaluatedInput> inputs,
    List<MatchedRule> matchedRules) {

  public record EvaluatedInput(String inputId, String inputName, Object inputValue) {}

  /** A rule of a decision table that matched; {@code ruleIndex} counts from 1, as in Camunda. */
  public record MatchedRule(String ruleId, int ruleIndex, List<EvaluatedOutput> outputs) {}

  public record EvaluatedOutput(String outputId, String outputName, Object outputValue) {}
}
