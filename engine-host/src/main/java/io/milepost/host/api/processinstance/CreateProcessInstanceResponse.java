package io.milepost.host.api.processinstance;

import io.milepost.engine.api.ProcessInstanceCreated;
import io.milepost.host.api.Keys;
import java.util.List;
import java.util.Map;

record CreateProcessInstanceResponse(
    String processDefinitionId,
    int processDefinitionVersion,
    String tenantId,
    Map<String, Object> variables,
    String processDefinitionKey,
    String processInstanceKey,
    List<String> tags) {

  static CreateProcessInstanceResponse of(ProcessInstanceCreated created, Map<String, Object> variables) {
    return new CreateProcessInstanceResponse(created.bpmnProcessId(), created.version(), created.tenantId(),
        variables, Keys.format(created.processDefinitionKey()), Keys.format(created.processInstanceKey()), List.of());
  }
}
