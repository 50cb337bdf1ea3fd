package io.milepost.engine.model;

import io.milepost.engine.expression.Expression;

/** {@code zeebe:calledElement}: which process to start and whether variables flow in and out. */
public record CallActivityProperties(Expression processId, boolean propagateAllChildVariables,
    boolean propagateAllParentVariables) {}
