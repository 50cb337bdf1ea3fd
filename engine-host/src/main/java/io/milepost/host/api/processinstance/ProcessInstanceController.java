package io.milepost.host.api.processinstance;

import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.Engine;
import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.ProcessInstanceCreated;
import io.milepost.engine.api.ProcessInstanceFilter;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.host.api.ApiException;
import io.milepost.host.api.JsonDocuments;
import io.milepost.host.api.Keys;
import io.milepost.host.api.SearchFilter;
import io.milepost.host.api.SearchQuery;
import io.milepost.host.api.SearchPaging;
import io.milepost.host.api.SearchResult;
import io.milepost.host.api.Tenants;
import io.milepost.host.security.ActionLog;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Creating, cancelling and finding process instances under {@code /v2/process-instances}. */
@RestController
@RequestMapping("/v2/process-instances")
final class ProcessInstanceController {

  private final Engine engine;
  private final EngineQueries queries;
  private final JsonDocuments json;
  private final ProcessInstanceAwaiter awaiter;
  private final ActionLog actions;

  ProcessInstanceController(Engine engine, EngineQueries queries, JsonDocuments json, ProcessInstanceAwaiter awaiter,
      ActionLog actions) {
    this.engine = engine;
    this.queries = queries;
    this.json = json;
    this.awaiter = awaiter;
    this.actions = actions;
  }

  @PostMapping
  CreateProcessInstanceResponse create(@RequestBody CreateProcessInstanceRequest request) {
    Tenants.requireDefault(request.tenantId());
    refuseInstructions("startInstructions", request.startInstructions());
    refuseInstructions("runtimeInstructions", request.runtimeInstructions());
    engine.admitNewWork(); // a refusal costs no conversion of the variables
    CreateProcessInstance command = new CreateProcessInstance(
        Keys.parseOptional("processDefinitionKey", request.processDefinitionKey()),
        request.processDefinitionId(),
        request.processDefinitionKey() != null || request.processDefinitionVersion() == null
            || request.processDefinitionVersion() == -1 ? null : request.processDefinitionVersion(),
        json.object("variables", request.variables()),
        request.fetchVariables() == null ? List.of() : request.fetchVariables());
    if (command.processDefinitionKey() == null && (command.bpmnProcessId() == null || command.bpmnProcessId().isBlank())) {
      throw ApiException.invalidArgument(
          "Expected either 'processDefinitionKey' or 'processDefinitionId', but found neither");
    }
    if (Boolean.TRUE.equals(request.awaitCompletion())) {
      return awaiter.createAndAwait(command, request.requestTimeout());
    }
    ProcessInstanceCreated created = engine.createProcessInstance(command);
    return CreateProcessInstanceResponse.of(created, Map.of());
  }

  @PostMapping("/{processInstanceKey}/cancellation")
  ResponseEntity<Void> cancel(@PathVariable String processInstanceKey) {
    long key = Keys.parse("processInstanceKey", processInstanceKey);
    engine.cancelProcessInstance(key);
    actions.record(ActionLog.Action.CANCELLED_INSTANCE, key);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/search")
  SearchResult<ProcessInstanceResponse> search(@RequestBody(required = false) SearchQuery query) {
    SearchQuery search = query == null ? new SearchQuery(null, null, null) : query;
    SearchFilter filter = search.filter("processInstanceKey", "processDefinitionId", "processDefinitionKey",
        "processDefinitionVersion", "state", "parentProcessInstanceKey", "hasIncident", "tenantId");
    Tenants.requireDefault(filter.string("tenantId"));
    ProcessInstanceFilter engineFilter = new ProcessInstanceFilter(
        filter.key("processInstanceKey"),
        filter.string("processDefinitionId"),
        filter.key("processDefinitionKey"),
        filter.integer("processDefinitionVersion"),
        filter.enumValue("state", ProcessInstanceState.class),
        filter.key("parentProcessInstanceKey"),
        filter.bool("hasIncident"));
    ProcessInstanceResponses responses = new ProcessInstanceResponses(queries);
    SearchPaging paging = search.paging("processInstanceKey");
    return paging.result(queries.searchProcessInstances(engineFilter, paging.request()),
        responses::of);
  }

  @GetMapping("/{processInstanceKey}")
  ProcessInstanceResponse get(@PathVariable String processInstanceKey) {
    long key = Keys.parse("processInstanceKey", processInstanceKey);
    return queries.processInstance(key)
        .map(new ProcessInstanceResponses(queries)::of)
        .orElseThrow(() -> ApiException.notFound("Expected to find process instance " + key + ", but none exists"));
  }

  private static void refuseInstructions(String field, List<JsonNode> instructions) {
    if (instructions != null && !instructions.isEmpty()) {
      throw ApiException.invalidArgument("Expected no '" + field + "' (not supported by this server), but found "
          + instructions.size());
    }
  }

  record CreateProcessInstanceRequest(
      String processDefinitionKey,
      String processDefinitionId,
      Integer processDefinitionVersion,
      JsonNode variables,
      Boolean awaitCompletion,
      Long requestTimeout,
      List<String> fetchVariables,
      String tenantId,
      List<JsonNode> startInstructions,
      List<JsonNode> runtimeInstructions) {}
}
