package io.milepost.engine.api;

/** A variable as stored: its value as JSON text. */
public record VariableView(long key, String name, String valueJson, long scopeKey, long processInstanceKey, String tenantId) {}
