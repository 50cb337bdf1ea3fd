package io.milepost.host.api.decision;

import io.milepost.engine.api.DecisionDefinitionView;
import io.milepost.engine.api.DecisionEvaluation;
import io.milepost.engine.api.DecisionInstanceView;
import io.milepost.engine.api.DecisionRequirementsView;
import io.milepost.engine.api.EvaluatedDecision;
import io.milepost.host.api.Dates;
import io.milepost.host.api.JsonDocuments;
import io.milepost.host.api.Keys;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The bodies of the {@code /v2/decision-*} endpoints, in Camunda's names and shapes: keys as strings, decided
 * values (inputs, outputs, results) as JSON text, as the Camunda 8 client reads them.
 */
@Component
final class DecisionResponses {

  private final JsonDocuments json;

  DecisionResponses(JsonDocuments json) {
    this.json = json;
  }

  record DecisionDefinitionResponse(String decisionDefinitionId, String decisionDefinitionKey, String name,
      int version, String decisionRequirementsId, String decisionRequirementsKey, String decisionRequirementsName,
      int decisionRequirementsVersion, String tenantId) {}

  record DecisionRequirementsResponse(String decisionRequirementsId, String decisionRequirementsKey,
      String decisionRequirementsName, int version, String resourceName, String tenantId) {}

  record InputResponse(String inputId, String inputName, String inputValue) {}

  record OutputResponse(String outputId, String outputName, String outputValue, String ruleId, Integer ruleIndex) {}

  record RuleResponse(String ruleId, int ruleIndex, List<OutputResponse> evaluatedOutputs) {}

  record EvaluatedDecisionResponse(String decisionDefinitionId, String decisionDefinitionName,
      int decisionDefinitionVersion, String decisionDefinitionType, String output, String tenantId,
      List<RuleResponse> matchedRules, List<InputResponse> evaluatedInputs, String decisionDefinitionKey,
      String decisionEvaluationInstanceKey) {}

  /** {@code decisionInstanceKey} is the evaluation's key, as in Camunda (the client reads it as a number). */
  record EvaluationResponse(String decisionDefinitionId, String decisionDefinitionKey, String decisionDefinitionName,
      int decisionDefinitionVersion, String decisionEvaluationKey, String decisionInstanceKey,
      String decisionRequirementsId, String decisionRequirementsKey, List<EvaluatedDecisionResponse> evaluatedDecisions,
      String failedDecisionDefinitionId, String failureMessage, String output, String tenantId) {}

  record DecisionInstanceResponse(String decisionEvaluationInstanceKey, String decisionEvaluationKey, String state,
      String evaluationDate, String evaluationFailure, String processDefinitionKey, String processInstanceKey,
      String rootProcessInstanceKey, String elementInstanceKey, String decisionDefinitionKey,
      String decisionDefinitionId, String decisionDefinitionName, int decisionDefinitionVersion,
      String decisionDefinitionType, String rootDecisionDefinitionKey, String result, String tenantId,
      List<InputResponse> evaluatedInputs, List<RuleResponse> matchedRules) {}

  DecisionDefinitionResponse definition(DecisionDefinitionView d) {
    return new DecisionDefinitionResponse(d.decisionId(), Keys.format(d.key()), d.name(), d.version(),
        d.decisionRequirementsId(), Keys.format(d.decisionRequirementsKey()), d.decisionRequirementsName(),
        d.decisionRequirementsVersion(), d.tenantId());
  }

  DecisionRequirementsResponse requirements(DecisionRequirementsView r) {
    return new DecisionRequirementsResponse(r.decisionRequirementsId(), Keys.format(r.key()), r.name(), r.version(),
        r.resourceName(), r.tenantId());
  }

  EvaluationResponse evaluation(DecisionEvaluation e) {
    DecisionDefinitionView d = e.decision();
    List<EvaluatedDecisionResponse> evaluated = e.evaluatedDecisions().stream().map(x -> new EvaluatedDecisionResponse(
        x.decisionId(), x.decisionName(), x.decisionVersion(), x.decisionType(), json.write(x.output()), d.tenantId(),
        rules(x.matchedRules()), inputs(x.inputs()), Keys.format(x.decisionDefinitionKey()), x.decisionInstanceId()))
        .toList();
    return new EvaluationResponse(d.decisionId(), Keys.format(d.key()), d.name(), d.version(),
        Keys.format(e.evaluationKey()), Keys.format(e.evaluationKey()), d.decisionRequirementsId(),
        Keys.format(d.decisionRequirementsKey()), evaluated, e.failedDecisionId(), e.failureMessage(),
        e.failed() ? null : json.write(e.output()), d.tenantId());
  }

  DecisionInstanceResponse instance(DecisionInstanceView i) {
    return new DecisionInstanceResponse(i.id(), Keys.format(i.evaluationKey()), i.state(),
        Dates.format(i.evaluationDate()), i.evaluationFailure(), keyOrNone(i.processDefinitionKey()),
        keyOrNone(i.processInstanceKey()), Keys.format(i.processInstanceKey()), keyOrNone(i.elementInstanceKey()),
        Keys.format(i.decisionDefinitionKey()), i.decisionId(), i.decisionName(), i.decisionVersion(), i.decisionType(),
        Keys.format(i.rootDecisionDefinitionKey()), i.state().equals("FAILED") ? null : json.write(i.result()),
        i.tenantId(), inputs(i.inputs()), rules(i.matchedRules()));
  }

  /** Camunda reports -1 for the process keys of a decision evaluated outside a process; the client needs a number. */
  private static String keyOrNone(Long key) {
    return key == null ? "-1" : Keys.format(key);
  }

  private List<InputResponse> inputs(List<EvaluatedDecision.EvaluatedInput> inputs) {
    return inputs.stream().map(in -> new InputResponse(in.inputId(), in.inputName(), json.write(in.inputValue())))
        .toList();
  }

  private List<RuleResponse> rules(List<EvaluatedDecision.MatchedRule> rules) {
    return rules.stream().map(rule -> new RuleResponse(rule.ruleId(), rule.ruleIndex(), rule.outputs().stream()
        .map(out -> new OutputResponse(out.outputId(), out.outputName(), json.write(out.outputValue()), rule.ruleId(),
            rule.ruleIndex()))
        .toList())).toList();
  }
}
