package io.milepost.engine.api;

import java.time.Instant;

/** An incident: an expected failure that waits for a person (error types as Camunda names them). */
public record IncidentView(
    long key,
    long processInstanceKey,
    long processDefinitionKey,
    String bpmnProcessId,
    String elementId,
    long elementInstanceKey,
    Long jobKey,
    String errorType,
    String errorMessage,
    IncidentState state,
    Instant creationTime,
    String tenantId) {}
