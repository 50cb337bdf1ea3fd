package io.milepost.host.api.processinstance;

import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.ProcessInstanceView;
import io.milepost.host.api.ApiException;
import io.milepost.host.api.Keys;
import io.milepost.host.api.RootProcessInstances;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v2/process-instances/{key}/sequence-flows}: the sequence flows the instance took, each once. */
@RestController
final class SequenceFlowController {

  private final EngineQueries queries;

  SequenceFlowController(EngineQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/v2/process-instances/{processInstanceKey}/sequence-flows")
  SequenceFlowsResponse sequenceFlows(@PathVariable String processInstanceKey) {
    long key = Keys.parse("processInstanceKey", processInstanceKey);
    ProcessInstanceView instance = queries.processInstance(key)
        .orElseThrow(() -> ApiException.notFound("Expected to find process instance " + key + ", but none exists"));
    String root = Keys.format(new RootProcessInstances(queries).rootOf(key));
    return new SequenceFlowsResponse(queries.takenSequenceFlows(key).stream()
        .map(flowId -> new SequenceFlowResponse(flowId, Keys.format(key), root,
            Keys.format(instance.processDefinitionKey()), instance.bpmnProcessId(), flowId, instance.tenantId()))
        .toList());
  }

  record SequenceFlowsResponse(List<SequenceFlowResponse> items) {}

  record SequenceFlowResponse(String sequenceFlowId, String processInstanceKey, String rootProcessInstanceKey,
      String processDefinitionKey, String processDefinitionId, String elementId, String tenantId) {}
}
