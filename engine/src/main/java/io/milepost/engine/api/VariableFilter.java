package io.milepost.engine.api;

public record VariableFilter(Long processInstanceKey, Long scopeKey, String name) {}
