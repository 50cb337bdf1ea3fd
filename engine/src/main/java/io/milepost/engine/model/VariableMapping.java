package io.milepost.engine.model;

import io.milepost.engine.expression.Expression;

/** One {@code zeebe:input} or {@code zeebe:output}: evaluate {@code source}, store it under {@code target} (a dotted path). */
public record VariableMapping(Expression source, String target) {}
