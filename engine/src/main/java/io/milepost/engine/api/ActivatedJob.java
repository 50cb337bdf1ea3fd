package io.milepost.engine.api;

import java.util.Map;

/**
 * A job handed to a worker. Its {@code variables} are decoded once per command and may share values (maps, lists)
 * with other jobs the same command activated: read them, and copy before changing any.
 */
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
