package io.milepost.host.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob.JobKind;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob.ListenerEventType;
import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.Deployment;
import io.milepost.engine.api.ProcessInstanceCreated;
import io.milepost.engine.api.ProcessInstanceResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Translates between gateway.proto messages and the engine's commands and results. */
@Component
final class GatewayMessages {

  /** The tenant Camunda reports when multi-tenancy is off; the only one Milepost has. */
  static final String DEFAULT_TENANT = "<default>";

  private final VariablesJson json;

  GatewayMessages(VariablesJson json) {
    this.json = json;
  }

  Map<String, Object> variables(String document) {
    return json.read("variables", document);
  }

  ActivateJobs activation(String type, String worker, long timeoutMillis, int maxJobs, List<String> fetchVariables) {
    return new ActivateJobs(type, worker, Duration.ofMillis(timeoutMillis), maxJobs, List.copyOf(fetchVariables));
  }

  GatewayOuterClass.ActivatedJob job(ActivatedJob job) {
    GatewayOuterClass.ActivatedJob.Builder proto = GatewayOuterClass.ActivatedJob.newBuilder()
        .setKey(job.key())
        .setType(job.type())
        .setProcessInstanceKey(job.processInstanceKey())
        .setBpmnProcessId(job.bpmnProcessId())
        .setProcessDefinitionVersion(job.processDefinitionVersion())
        .setProcessDefinitionKey(job.processDefinitionKey())
        .setElementId(job.elementId())
        .setElementInstanceKey(job.elementInstanceKey())
        .setCustomHeaders(json.write(job.customHeaders()))
        .setWorker(nullToEmpty(job.worker()))
        .setRetries(job.retries())
        .setDeadline(job.deadline())
        .setVariables(json.write(job.variables()))
        .setTenantId(job.tenantId() == null ? DEFAULT_TENANT : job.tenantId())
        .setKind(constant(JobKind.class, job.kind(), JobKind.BPMN_ELEMENT))
        .setListenerEventType(constant(ListenerEventType.class, job.listenerEventType(), ListenerEventType.UNSPECIFIED));
    if (job.userTask() != null) {
      proto.setUserTask(userTask(job.userTask()));
    }
    return proto.build();
  }

  private static GatewayOuterClass.UserTaskProperties userTask(ActivatedJob.UserTaskProperties task) {
    GatewayOuterClass.UserTaskProperties.Builder proto = GatewayOuterClass.UserTaskProperties.newBuilder();
    if (task.assignee() != null) {
      proto.setAssignee(task.assignee());
    }
    if (task.candidateGroups() != null) {
      proto.addAllCandidateGroups(task.candidateGroups());
    }
    if (task.candidateUsers() != null) {
      proto.addAllCandidateUsers(task.candidateUsers());
    }
    if (task.dueDate() != null) {
      proto.setDueDate(task.dueDate());
    }
    if (task.followUpDate() != null) {
      proto.setFollowUpDate(task.followUpDate());
    }
    if (task.formKey() != null) {
      proto.setFormKey(task.formKey());
    }
    return proto.build();
  }

  /**
   * A definition is named by key, or by BPMN process id and version; proto3 sends 0 for an unset
   * key, and -1 (the client's "latest") or 0 for an unset version.
   */
  CreateProcessInstance creation(GatewayOuterClass.CreateProcessInstanceRequest request, List<String> fetchVariables) {
    if (request.getStartInstructionsCount() > 0 || request.getRuntimeInstructionsCount() > 0) {
      throw GrpcStatuses.invalidArgument("Expected no start or runtime instructions (not supported by this server), "
          + "but found " + (request.getStartInstructionsCount() + request.getRuntimeInstructionsCount()));
    }
    requireDefaultTenant(request.getTenantId());
    boolean byKey = request.getProcessDefinitionKey() > 0;
    if (!byKey && request.getBpmnProcessId().isBlank()) {
      throw GrpcStatuses.invalidArgument(
          "Expected either a processDefinitionKey or a bpmnProcessId, but found neither");
    }
    return new CreateProcessInstance(
        byKey ? request.getProcessDefinitionKey() : null,
        byKey ? null : request.getBpmnProcessId(),
        byKey || request.getVersion() <= 0 ? null : request.getVersion(),
        variables(request.getVariables()),
        List.copyOf(fetchVariables));
  }

  GatewayOuterClass.CreateProcessInstanceResponse created(ProcessInstanceCreated created) {
    return GatewayOuterClass.CreateProcessInstanceResponse.newBuilder()
        .setProcessDefinitionKey(created.processDefinitionKey())
        .setBpmnProcessId(created.bpmnProcessId())
        .setVersion(created.version())
        .setProcessInstanceKey(created.processInstanceKey())
        .setTenantId(tenant(created.tenantId()))
        .build();
  }

  GatewayOuterClass.CreateProcessInstanceWithResultResponse completed(ProcessInstanceResult result) {
    ProcessInstanceCreated created = result.instance();
    return GatewayOuterClass.CreateProcessInstanceWithResultResponse.newBuilder()
        .setProcessDefinitionKey(created.processDefinitionKey())
        .setBpmnProcessId(created.bpmnProcessId())
        .setVersion(created.version())
        .setProcessInstanceKey(created.processInstanceKey())
        .setVariables(json.write(result.variables()))
        .setTenantId(tenant(created.tenantId()))
        .build();
  }

  GatewayOuterClass.DeployResourceResponse deployed(Deployment deployment) {
    GatewayOuterClass.DeployResourceResponse.Builder response = GatewayOuterClass.DeployResourceResponse.newBuilder()
        .setKey(deployment.key())
        .setTenantId(tenant(deployment.tenantId()));
    deployment.processes().forEach(process -> response.addDeployments(GatewayOuterClass.Deployment.newBuilder()
        .setProcess(GatewayOuterClass.ProcessMetadata.newBuilder()
            .setBpmnProcessId(process.bpmnProcessId())
            .setVersion(process.version())
            .setProcessDefinitionKey(process.processDefinitionKey())
            .setResourceName(process.resourceName())
            .setTenantId(tenant(process.tenantId())))));
    deployment.forms().forEach(form -> response.addDeployments(GatewayOuterClass.Deployment.newBuilder()
        .setForm(GatewayOuterClass.FormMetadata.newBuilder()
            .setFormId(form.formId())
            .setVersion(form.version())
            .setFormKey(form.formKey())
            .setResourceName(form.resourceName())
            .setTenantId(tenant(form.tenantId())))));
    return response.build();
  }

  /** Milepost has one tenant; asking for another is refused, not ignored. Empty means "not set". */
  static void requireDefaultTenant(String tenantId) {
    if (!tenantId.isEmpty() && !DEFAULT_TENANT.equals(tenantId)) {
      throw GrpcStatuses.invalidArgument(
          "Expected tenant '" + DEFAULT_TENANT + "' (multi-tenancy is off), but found '" + tenantId + "'");
    }
  }

  static void requireDefaultTenants(List<String> tenantIds) {
    tenantIds.forEach(GatewayMessages::requireDefaultTenant);
  }

  private static String tenant(String tenantId) {
    return tenantId == null ? DEFAULT_TENANT : tenantId;
  }

  /** An engine name the proto lacks falls back to the default rather than failing the job's delivery. */
  private static <E extends Enum<E>> E constant(Class<E> type, String name, E fallback) {
    if (name == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
