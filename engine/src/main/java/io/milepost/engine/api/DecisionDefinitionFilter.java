package io.milepost.engine.api;

public record DecisionDefinitionFilter(Long key, String decisionId, String name, Integer version,
    Long decisionRequirementsKey, String decisionRequirementsId, Boolean latestOnly) {

  public static DecisionDefinitionFilter all() {
    return new DecisionDefinitionFilter(null, null, null, null, null, null, null);
  }
}
