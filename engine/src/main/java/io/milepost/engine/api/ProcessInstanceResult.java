package io.milepost.engine.api;

import java.util.Map;

/** A completed instance and its variables (only {@code fetchVariables}, when any were named). */
public record ProcessInstanceResult(ProcessInstanceCreated instance, Map<String, Object> variables) {}
