package io.milepost.engine.api;

public record DecisionDefinitionView(long key, String decisionId, String name, int version, String versionTag,
    long decisionRequirementsKey, String decisionRequirementsId, String decisionRequirementsName,
    int decisionRequirementsVersion, long deploymentKey, String tenantId) {}
