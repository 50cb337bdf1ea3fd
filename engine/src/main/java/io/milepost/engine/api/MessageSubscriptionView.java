package io.milepost.engine.api;

import java.time.Instant;

/**
 * An element of a running instance that waits for a message. Only open subscriptions are kept: one that correlated
 * or whose element ended is gone. {@code createdDate} is when the waiting element was activated.
 */
public record MessageSubscriptionView(long key, String messageName, String correlationKey, String elementId,
    long elementInstanceKey, long processInstanceKey, long processDefinitionKey, String bpmnProcessId,
    Instant createdDate, String tenantId) {}
