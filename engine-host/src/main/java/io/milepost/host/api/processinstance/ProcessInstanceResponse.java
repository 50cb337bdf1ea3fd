package io.milepost.host.api.processinstance;

import java.util.List;

record ProcessInstanceResponse(
    String processDefinitionId,
    String processDefinitionName,
    int processDefinitionVersion,
    String processDefinitionVersionTag,
    String startDate,
    String endDate,
    String state,
    boolean hasIncident,
    String tenantId,
    String processInstanceKey,
    String processDefinitionKey,
    String parentProcessInstanceKey,
    String parentElementInstanceKey,
    String rootProcessInstanceKey,
    List<String> tags) {}
