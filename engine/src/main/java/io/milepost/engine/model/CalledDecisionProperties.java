package io.milepost.engine.model;

import io.milepost.engine.expression.Expression;

/**
 * A business rule task's {@code zeebe:calledDecision}: which decision to evaluate (an id or a FEEL expression),
 * where its result goes, and which version: {@code latest}, the one of the process's own {@code deployment},
 * or the latest with a {@code versionTag}.
 */
public record CalledDecisionProperties(Expression decisionId, String resultVariable, String bindingType,
    String versionTag) {}
