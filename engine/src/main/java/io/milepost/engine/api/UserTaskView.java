package io.milepost.engine.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

public record UserTaskView(
    long key,
    String name,
    UserTaskState state,
    String assignee,
    List<String> candidateGroups,
    List<String> candidateUsers,
    String elementId,
    long elementInstanceKey,
    long processInstanceKey,
    long processDefinitionKey,
    String bpmnProcessId,
    int processDefinitionVersion,
    Instant creationDate,
    Instant completionDate,
    String dueDate,
    String followUpDate,
    String formKey,
    String externalFormReference,
    Integer priority,
    Map<String, String> customHeaders,
    String tenantId) {}
