package io.milepost.host.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass;
import io.milepost.engine.api.DecisionDefinitionView;
import io.milepost.engine.api.DecisionEvaluation;
import io.milepost.engine.api.Deployment;
import io.milepost.engine.api.EvaluateDecision;
import io.milepost.engine.api.EvaluatedDecision;
import org.springframework.stereotype.Component;

/** Translates DMN between gateway.proto messages and the engine: deployed decisions and EvaluateDecision. */
@Component
final class DecisionMessages {

  private final VariablesJson json;

  DecisionMessages(VariablesJson json) {
    this.json = json;
  }

  EvaluateDecision evaluation(GatewayOuterClass.EvaluateDecisionRequest request) {
    GatewayMessages.requireDefaultTenant(request.getTenantId());
    boolean byKey = request.getDecisionKey() > 0;
    boolean byId = !request.getDecisionId().isBlank();
    if (byKey == byId) {
      throw GrpcStatuses.invalidArgument("Expected exactly one of decisionKey and decisionId, but found "
          + (byKey ? "both" : "neither"));
    }
    return new EvaluateDecision(byKey ? request.getDecisionKey() : null, byId ? request.getDecisionId() : null,
        json.read("variables", request.getVariables()));
  }

  GatewayOuterClass.EvaluateDecisionResponse evaluated(DecisionEvaluation evaluation) {
    DecisionDefinitionView decision = evaluation.decision();
    GatewayOuterClass.EvaluateDecisionResponse.Builder response = GatewayOuterClass.EvaluateDecisionResponse.newBuilder()
        .setDecisionKey(decision.key())
        .setDecisionId(decision.decisionId())
        .setDecisionName(text(decision.name()))
        .setDecisionVersion(decision.version())
        .setDecisionRequirementsId(decision.decisionRequirementsId())
        .setDecisionRequirementsKey(decision.decisionRequirementsKey())
        .setDecisionOutput(evaluation.failed() ? "" : json.writeValue(evaluation.output()))
        .setFailedDecisionId(text(evaluation.failedDecisionId()))
        .setFailureMessage(text(evaluation.failureMessage()))
        .setTenantId(decision.tenantId())
        .setDecisionInstanceKey(evaluation.evaluationKey())
        .setDecisionEvaluationKey(evaluation.evaluationKey());
    evaluation.evaluatedDecisions().forEach(evaluated -> response.addEvaluatedDecisions(evaluated(evaluated,
        decision.tenantId())));
    return response.build();
  }

  private GatewayOuterClass.EvaluatedDecision evaluated(EvaluatedDecision decision, String tenantId) {
    GatewayOuterClass.EvaluatedDecision.Builder evaluated = GatewayOuterClass.EvaluatedDecision.newBuilder()
        .setDecisionKey(decision.decisionDefinitionKey())
        .setDecisionId(decision.decisionId())
        .setDecisionName(text(decision.decisionName()))
        .setDecisionVersion(decision.decisionVersion())
        .setDecisionType(decision.decisionType())
        .setDecisionOutput(json.writeValue(decision.output()))
        .setTenantId(tenantId)
        .setDecisionEvaluationInstanceKey(decision.decisionInstanceId());
    decision.inputs().forEach(input -> evaluated.addEvaluatedInputs(GatewayOuterClass.EvaluatedDecisionInput.newBuilder()
        .setInputId(input.inputId()).setInputName(text(input.inputName())).setInputValue(json.writeValue(input.inputValue()))));
    decision.matchedRules().forEach(rule -> {
      GatewayOuterClass.MatchedDecisionRule.Builder matched = GatewayOuterClass.MatchedDecisionRule.newBuilder()
          .setRuleId(rule.ruleId()).setRuleIndex(rule.ruleIndex());
      rule.outputs().forEach(output -> matched.addEvaluatedOutputs(GatewayOuterClass.EvaluatedDecisionOutput.newBuilder()
          .setOutputId(output.outputId()).setOutputName(text(output.outputName()))
          .setOutputValue(json.writeValue(output.outputValue()))));
      evaluated.addMatchedRules(matched);
    });
    return evaluated.build();
  }

  void addDeployed(Deployment deployment, GatewayOuterClass.DeployResourceResponse.Builder response) {
    deployment.decisions().forEach(decision -> response.addDeployments(GatewayOuterClass.Deployment.newBuilder()
        .setDecision(GatewayOuterClass.DecisionMetadata.newBuilder()
            .setDmnDecisionId(decision.decisionId())
            .setDmnDecisionName(text(decision.name()))
            .setVersion(decision.version())
            .setDecisionKey(decision.decisionKey())
            .setDmnDecisionRequirementsId(decision.decisionRequirementsId())
            .setDecisionRequirementsKey(decision.decisionRequirementsKey())
            .setTenantId(decision.tenantId()))));
    deployment.decisionRequirements().forEach(graph -> response.addDeployments(GatewayOuterClass.Deployment.newBuilder()
        .setDecisionRequirements(GatewayOuterClass.DecisionRequirementsMetadata.newBuilder()
            .setDmnDecisionRequirementsId(graph.decisionRequirementsId())
            .setDmnDecisionRequirementsName(text(graph.name()))
            .setVersion(graph.version())
            .setDecisionRequirementsKey(graph.decisionRequirementsKey())
            .setResourceName(graph.resourceName())
            .setTenantId(graph.tenantId()))));
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
