package io.milepost.engine.api;

public record DecisionRequirementsFilter(Long key, String decisionRequirementsId, String name, Integer version) {

  public static DecisionRequirementsFilter all() {
    return new DecisionRequirementsFilter(null, null, null, null);
  }
}
