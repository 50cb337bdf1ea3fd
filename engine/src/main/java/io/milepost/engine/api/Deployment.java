package io.milepost.engine.api;

import java.util.List;

/** What a deployment produced: one entry per process in its BPMN resources, plus its forms. */
public record Deployment(long key, String tenantId, List<DeployedProcess> processes, List<DeployedForm> forms) {

  public record DeployedProcess(
      String bpmnProcessId, int version, long processDefinitionKey, String resourceName, String tenantId) {}

  public record DeployedForm(String formId, int version, long formKey, String resourceName, String tenantId) {}
}
