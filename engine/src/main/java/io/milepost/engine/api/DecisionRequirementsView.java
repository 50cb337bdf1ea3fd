package io.milepost.engine.api;

/** A deployed DMN resource: its decision requirements graph. */
public record DecisionRequirementsView(long key, String decisionRequirementsId, String name, int version,
    String resourceName, long deploymentKey, String tenantId) {}
