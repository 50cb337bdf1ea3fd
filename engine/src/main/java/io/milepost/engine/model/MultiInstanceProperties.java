package io.milepost.engine.model;

import io.milepost.engine.expression.Expression;

/** {@code zeebe:loopCharacteristics} of a multi-instance activity; optional parts are null. */
public record MultiInstanceProperties(
    boolean sequential,
    Expression inputCollection,
    String inputElement,
    String outputCollection,
    Expression outputElement,
    Expression completionCondition) {}
