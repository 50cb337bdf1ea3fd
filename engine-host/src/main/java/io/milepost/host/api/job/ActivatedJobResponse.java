package io.milepost.host.api.job;

import io.milepost.engine.api.ActivatedJob;
import io.milepost.host.api.Keys;
import java.util.List;
import java.util.Map;

/** One activated job as the client reads it; {@code deadline} is epoch millis. */
record ActivatedJobResponse(
    String type,
    String processDefinitionId,
    int processDefinitionVersion,
    String elementId,
    Map<String, String> customHeaders,
    String worker,
    int retries,
    long deadline,
    Map<String, Object> variables,
    String tenantId,
    String jobKey,
    String processInstanceKey,
    String processDefinitionKey,
    String elementInstanceKey,
    String kind,
    String listenerEventType,
    UserTaskResponse userTask,
    List<String> tags) {

  static ActivatedJobResponse of(ActivatedJob job) {
    return new ActivatedJobResponse(job.type(), job.bpmnProcessId(), job.processDefinitionVersion(), job.elementId(),
        job.customHeaders() == null ? Map.of() : job.customHeaders(), job.worker(), job.retries(), job.deadline(),
        job.variables() == null ? Map.of() : job.variables(), job.tenantId(), Keys.format(job.key()),
        Keys.format(job.processInstanceKey()), Keys.format(job.processDefinitionKey()),
        Keys.format(job.elementInstanceKey()), job.kind() == null ? "BPMN_ELEMENT" : job.kind(),
        job.listenerEventType() == null ? "UNSPECIFIED" : job.listenerEventType(),
        UserTaskResponse.of(job.userTask()), List.of());
  }

  record UserTaskResponse(String assignee, List<String> candidateGroups, List<String> candidateUsers,
      String dueDate, String followUpDate, String formKey) {

    static UserTaskResponse of(ActivatedJob.UserTaskProperties userTask) {
      return userTask == null ? null : new UserTaskResponse(userTask.assignee(), userTask.candidateGroups(),
          userTask.candidateUsers(), userTask.dueDate(), userTask.followUpDate(), Keys.format(userTask.formKey()));
    }
  }
}
