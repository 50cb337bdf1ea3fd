package io.milepost.engine.api;

import java.time.Instant;

public record ProcessInstanceView(
    long key,
    long processDefinitionKey,
    String bpmnProcessId,
    int version,
    ProcessInstanceState state,
    Instant startDate,
    Instant endDate,
    Long parentProcessInstanceKey,
    Long parentElementInstanceKey,
    boolean hasIncident,
    String tenantId) {}
