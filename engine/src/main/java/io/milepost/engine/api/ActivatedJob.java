package io.milepost.engine.api;

import java.util.Map;

public record ActivatedJob(
    long key,
    String type,
    long processInstanceKey,
    String bpmnProcessId,
    int processDefinitionVersion,
    long processDefinitionKey,
    String elementId,
    long elementInstanceKey,
    Map<String, String> customHeaders,
    String worker,
    int retries,
    long deadline,
    Map<String, Object> variables,
    String tenantId,
    String kind,
    String listenerEventType,
    UserTaskProperties userTask) {

  /** The user-task facts a job for a job-worker user task carries; null for a service task. */
  public record UserTaskProperties(String assignee, java.util.List<String> candidateGroups,
      java.util.List<String> candidateUsers, String dueDate, String followUpDate, Long formKey) {}
}
