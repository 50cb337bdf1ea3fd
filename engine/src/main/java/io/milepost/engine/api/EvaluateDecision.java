package io.milepost.engine.api;

import java.util.Map;

/** Evaluates a deployed decision without a process: by its key, or the latest version of its id. */
public record EvaluateDecision(Long decisionKey, String decisionId, Map<String, Object> variables) {}
