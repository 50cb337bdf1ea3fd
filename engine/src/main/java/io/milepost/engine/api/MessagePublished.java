package io.milepost.engine.api;

public record MessagePublished(long messageKey, String tenantId) {}
