package io.milepost.engine.api;

public record DecisionInstanceFilter(String id, Long evaluationKey, String state, Long decisionDefinitionKey,
    String decisionId, Integer decisionVersion, Long processDefinitionKey, Long processInstanceKey,
    Long elementInstanceKey) {

  public static DecisionInstanceFilter all() {
    return new DecisionInstanceFilter(null, null, null, null, null, null, null, null, null);
  }
}
