package io.milepost.engine.api;

import java.util.Optional;

/** The read side of DMN: deployed decisions and their graphs, and every evaluation kept. */
public interface DecisionQueries {

  Page<DecisionDefinitionView> searchDecisionDefinitions(DecisionDefinitionFilter filter, PageRequest page);

  Optional<DecisionDefinitionView> decisionDefinition(long decisionDefinitionKey);

  Page<DecisionRequirementsView> searchDecisionRequirements(DecisionRequirementsFilter filter, PageRequest page);

  Optional<DecisionRequirementsView> decisionRequirements(long decisionRequirementsKey);

  /** The DMN XML of a deployed decision requirements graph. */
  Optional<String> decisionRequirementsXml(long decisionRequirementsKey);

  Page<DecisionInstanceView> searchDecisionInstances(DecisionInstanceFilter filter, PageRequest page);

  Optional<DecisionInstanceView> decisionInstance(String decisionInstanceId);
}
