package io.milepost.engine.api;

public record ProcessInstanceCreated(
    long processInstanceKey, long processDefinitionKey, String bpmnProcessId, int version, String tenantId) {}
