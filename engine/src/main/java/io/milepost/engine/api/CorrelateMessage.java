package io.milepost.engine.api;

import java.util.Map;

/** Correlates a message now, without buffering it; rejected as not found when nobody waits. */
public record CorrelateMessage(String name, String correlationKey, Map<String, Object> variables) {}
