package io.milepost.engine.model;

import io.milepost.engine.expression.Expression;
import java.util.Map;

/** What a job for this element looks like ({@code zeebe:taskDefinition} and {@code zeebe:taskHeaders}). */
public record JobWorkerProperties(Expression type, Expression retries, Map<String, String> headers) {}
