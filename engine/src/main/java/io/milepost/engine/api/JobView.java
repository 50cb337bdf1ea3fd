package io.milepost.engine.api;

import java.time.Instant;
import java.util.Map;

public record JobView(long key, String type, JobState state, int retries, String worker, Instant deadline,
    String errorMessage, long processInstanceKey, String elementId, long elementInstanceKey, String bpmnProcessId,
    long processDefinitionKey, String kind, Map<String, String> customHeaders, Instant creationTime, String tenantId) {}
