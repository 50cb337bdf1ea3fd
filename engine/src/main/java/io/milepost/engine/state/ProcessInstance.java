package io.milepost.engine.state;

import io.milepost.engine.api.ProcessInstanceState;

/** The facts of a process instance that processing needs. */
public record ProcessInstance(long key, long processDefinitionKey, String bpmnProcessId, int version,
    ProcessInstanceState state, Long parentProcessInstanceKey, Long parentElementInstanceKey, String tenantId) {}
