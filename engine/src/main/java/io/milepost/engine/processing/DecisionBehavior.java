package io.milepost.engine.processing;

import io.milepost.engine.api.DecisionDefinitionView;
import io.milepost.engine.api.DecisionEvaluation;
import io.milepost.engine.api.EvaluatedDecision;
import io.milepost.engine.decision.DecisionOutcome;
import io.milepost.engine.state.Decisions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.dmn.parser.ParsedDmn;

/**
 * Evaluates a deployed decision and keeps the evaluation: one decision instance per decision evaluated (the
 * required decisions first), plus one FAILED instance for the decision that failed, all in the command's
 * transaction, and a DECISION_EVALUATION event in the log of the process instance that asked.
 */
public final class DecisionBehavior {

  /** Who asked for the evaluation; all null when it came through the API. */
  public record Origin(Long processDefinitionKey, Long processInstanceKey, Long elementInstanceKey, String elementId) {

    public static Origin api() {
      return new Origin(null, null, null, null);
    }
  }

  private final ProcessingContext context;

  DecisionBehavior(ProcessingContext context) {
    this.context = context;
  }

  public DecisionEvaluation evaluate(Decisions.StoredDecision decision, Map<String, Object> variables, Origin origin) {
    Decisions decisions = context.state().decisions();
    ParsedDmn graph = context.decisions().get(decision.decisionRequirementsKey(), decisions);
    DecisionOutcome outcome = context.decisions().engine().evaluate(graph, decision.decisionId(), variables);
    long evaluationKey = context.nextKey();
    Map<String, Decisions.StoredDecision> graphDecisions = new HashMap<>();
    decisions.decisionsOf(decision.decisionRequirementsKey()).forEach(d -> graphDecisions.put(d.decisionId(), d));
    List<EvaluatedDecision> evaluated = new ArrayList<>();
    for (DecisionOutcome.Evaluated step : outcome.evaluated()) {
      Decisions.StoredDecision stored = graphDecisions.getOrDefault(step.decisionId(), decision);
      String id = evaluationKey + "-" + (evaluated.size() + 1);
      decisions.applyInstance(new Decisions.StoredInstance(id, evaluationKey, evaluated.size() + 1, stored,
          step.decisionType(), decision.key(), "EVALUATED", null, json(step.output()), json(step.inputs()),
          json(step.matchedRules()), origin.processDefinitionKey(), origin.processInstanceKey(),
          origin.elementInstanceKey(), origin.elementId()));
      evaluated.add(new EvaluatedDecision(id, stored.key(), stored.decisionId(), stored.name(), stored.version(),
          step.decisionType(), step.output(), step.inputs(), step.matchedRules()));
    }
    if (outcome.failure() != null) {
      Decisions.StoredDecision failed = graphDecisions.getOrDefault(outcome.failedDecisionId(), decision);
      int index = evaluated.size() + 1;
      DecisionOutcome.Evaluated step = outcome.failedStep();
      decisions.applyInstance(new Decisions.StoredInstance(evaluationKey + "-" + index, evaluationKey, index, failed,
          step == null ? "UNSPECIFIED" : step.decisionType(), decision.key(), "FAILED", outcome.failure(), null,
          json(step == null ? List.of() : step.inputs()), json(step == null ? List.of() : step.matchedRules()),
          origin.processDefinitionKey(), origin.processInstanceKey(), origin.elementInstanceKey(), origin.elementId()));
    }
    decisions.evaluated(evaluationKey, decision, outcome.failure() != null, origin.processInstanceKey(),
        origin.elementId());
    return new DecisionEvaluation(evaluationKey, view(decision), outcome.output(), outcome.failure(),
        outcome.failedDecisionId(), evaluated);
  }

  private DecisionDefinitionView view(Decisions.StoredDecision decision) {
    Decisions.StoredRequirements graph = context.state().decisions().requirements(decision.decisionRequirementsKey())
        .orElseThrow();
    return new DecisionDefinitionView(decision.key(), decision.decisionId(), decision.name(), decision.version(),
        decision.versionTag(), graph.key(), graph.decisionRequirementsId(), graph.name(), graph.version(),
        decision.deploymentKey(), decision.tenantId());
  }

  private String json(Object value) {
    return context.codec().toJson(value);
  }
}
