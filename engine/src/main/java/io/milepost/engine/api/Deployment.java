package io.milepost.engine.api;

import java.util.List;

/** What a deployment produced: one entry per process in its BPMN resources, its forms, its decisions and DRGs. */
public record Deployment(long key, String tenantId, List<DeployedProcess> processes, List<DeployedForm> forms,
    List<DeployedDecision> decisions, List<DeployedDecisionRequirements> decisionRequirements) {

  public record DeployedProcess(
      String bpmnProcessId, int version, long processDefinitionKey, String resourceName, String tenantId) {}

  public record DeployedForm(String formId, int version, long formKey, String resourceName, String tenantId) {}

  public record DeployedDecision(String decisionId, String name, int version, long decisionKey,
      String decisionRequirementsId, long decisionRequirementsKey, String tenantId) {}

  public record DeployedDecisionRequirements(String decisionRequirementsId, String name, int version,
      long decisionRequirementsKey, String resourceName, String tenantId) {}
}
