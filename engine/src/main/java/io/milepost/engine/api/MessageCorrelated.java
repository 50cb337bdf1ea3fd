package io.milepost.engine.api;

public record MessageCorrelated(long messageKey, long processInstanceKey, String tenantId) {}
