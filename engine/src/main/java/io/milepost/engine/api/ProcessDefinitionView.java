package io.milepost.engine.api;

public record ProcessDefinitionView(
    long key, String bpmnProcessId, String name, int version, String resourceName, long deploymentKey, String tenantId) {}
