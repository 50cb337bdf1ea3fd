package io.milepost.host.api.deployment;

import io.milepost.engine.api.Deployment;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.Engine;
import io.milepost.host.api.ApiException;
import io.milepost.host.api.Keys;
import io.milepost.host.api.Tenants;
import io.milepost.host.security.ActionLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /v2/deployments}: multipart, one part named {@code resources} per file. */
@RestController
@RequestMapping("/v2/deployments")
final class DeploymentController {

  private final Engine engine;
  private final ActionLog actions;

  DeploymentController(Engine engine, ActionLog actions) {
    this.engine = engine;
    this.actions = actions;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  DeploymentResponse deploy(
      @RequestPart(name = "resources", required = false) List<MultipartFile> resources,
      @RequestParam(name = "tenantId", required = false) String tenantId) {
    Tenants.requireDefault(tenantId);
    if (resources == null || resources.isEmpty()) {
      throw ApiException.invalidArgument("Expected at least one multipart part named 'resources', but found none");
    }
    List<DeploymentResource> files = new ArrayList<>();
    for (MultipartFile resource : resources) {
      String name = resource.getOriginalFilename() == null || resource.getOriginalFilename().isBlank()
          ? resource.getName() : resource.getOriginalFilename();
      files.add(new DeploymentResource(name, bytes(resource, name)));
    }
    Deployment deployment = engine.deploy(files);
    actions.record(ActionLog.Action.DEPLOYED, deployment.key());
    return DeploymentResponse.of(deployment);
  }

  private static byte[] bytes(MultipartFile resource, String name) {
    try {
      return resource.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to read the uploaded resource '" + name + "', but could not", e);
    }
  }

  record DeploymentResponse(String deploymentKey, String tenantId, List<DeployedResponse> deployments) {

    static DeploymentResponse of(Deployment deployment) {
      List<DeployedResponse> deployed = new ArrayList<>();
      deployment.processes().forEach(process -> deployed.add(new DeployedResponse(
          new ProcessResponse(process.bpmnProcessId(), process.version(), process.resourceName(), process.tenantId(),
              Keys.format(process.processDefinitionKey())), null, null, null)));
      deployment.forms().forEach(form -> deployed.add(new DeployedResponse(null,
          new FormResponse(form.formId(), form.version(), form.resourceName(), form.tenantId(),
              Keys.format(form.formKey())), null, null)));
      deployment.decisions().forEach(decision -> deployed.add(new DeployedResponse(null, null,
          new DecisionResponse(decision.decisionId(), decision.version(), decision.name(), decision.tenantId(),
              decision.decisionRequirementsId(), Keys.format(decision.decisionKey()),
              Keys.format(decision.decisionRequirementsKey())), null)));
      deployment.decisionRequirements().forEach(graph -> deployed.add(new DeployedResponse(null, null, null,
          new DecisionRequirementsResponse(graph.decisionRequirementsId(), graph.name(), graph.version(),
              graph.resourceName(), graph.tenantId(), Keys.format(graph.decisionRequirementsKey())))));
      return new DeploymentResponse(Keys.format(deployment.key()), deployment.tenantId(), deployed);
    }
  }

  record DeployedResponse(ProcessResponse processDefinition, FormResponse form, DecisionResponse decisionDefinition,
      DecisionRequirementsResponse decisionRequirements) {}

  record ProcessResponse(String processDefinitionId, int processDefinitionVersion, String resourceName,
      String tenantId, String processDefinitionKey) {}

  record FormResponse(String formId, int version, String resourceName, String tenantId, String formKey) {}

  record DecisionResponse(String decisionDefinitionId, int version, String name, String tenantId,
      String decisionRequirementsId, String decisionDefinitionKey, String decisionRequirementsKey) {}

  record DecisionRequirementsResponse(String decisionRequirementsId, String decisionRequirementsName, int version,
      String resourceName, String tenantId, String decisionRequirementsKey) {}
}
