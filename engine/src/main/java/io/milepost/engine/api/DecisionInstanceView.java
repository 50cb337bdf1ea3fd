package io.milepost.engine.api;

import java.time.Instant;
import java.util.List;

/**
 * One evaluated decision, kept: what it saw, which rules matched, what it decided, which version decided it and
 * who asked (the process instance and element, or none when evaluated through the API). {@code state} is
 * {@code EVALUATED} or {@code FAILED}.
 */
public record DecisionInstanceView(String id, long evaluationKey, String state, Instant evaluationDate,
    String evaluationFailure, long decisionDefinitionKey, String decisionId, String decisionName, int decisionVersion,
    String decisionType, long rootDecisionDefinitionKey, long decisionRequirementsKey, Object result,
    List<EvaluatedDecision.EvaluatedInput> inputs, List<EvaluatedDecision.MatchedRule> matchedRules,
    Long processDefinitionKey, Long processInstanceKey, Long elementInstanceKey, String elementId, String tenantId) {}
