package io.milepost.host.api.incident;

import io.milepost.engine.api.Engine;
import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.IncidentFilter;
import io.milepost.engine.api.IncidentState;
import io.milepost.engine.api.IncidentView;
import io.milepost.host.api.ApiException;
import io.milepost.host.api.Dates;
import io.milepost.host.api.Keys;
import io.milepost.host.api.SearchFilter;
import io.milepost.host.api.SearchQuery;
import io.milepost.host.api.SearchPaging;
import io.milepost.host.api.SearchResult;
import io.milepost.host.api.Tenants;
import io.milepost.host.security.ActionLog;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finding and resolving incidents under {@code /v2/incidents}, and the incidents of one element instance under
 * {@code /v2/element-instances/{key}/incidents}.
 */
@RestController
final class IncidentController {

  private final Engine engine;
  private final EngineQueries queries;
  private final ActionLog actions;

  IncidentController(Engine engine, EngineQueries queries, ActionLog actions) {
    this.engine = engine;
    this.queries = queries;
    this.actions = actions;
  }

  @PostMapping("/v2/incidents/search")
  SearchResult<IncidentResponse> search(@RequestBody(required = false) SearchQuery query) {
    return search(query, null);
  }

  /**
   * The incidents of one element instance. Incidents belong to the element that failed; a process instance's key
   * finds every incident of that instance.
   */
  @PostMapping("/v2/element-instances/{elementInstanceKey}/incidents/search")
  SearchResult<IncidentResponse> searchByElementInstance(@PathVariable String elementInstanceKey,
      @RequestBody(required = false) SearchQuery query) {
    return search(query, Keys.parse("elementInstanceKey", elementInstanceKey));
  }

  @PostMapping("/v2/process-instances/{processInstanceKey}/incidents/search")
  SearchResult<IncidentResponse> searchByProcessInstance(@PathVariable String processInstanceKey,
      @RequestBody(required = false) SearchQuery query) {
    return search(query, Keys.parse("processInstanceKey", processInstanceKey));
  }

  private SearchResult<IncidentResponse> search(SearchQuery query, Long elementInstanceKey) {
    SearchQuery search = query == null ? new SearchQuery(null, null, null) : query;
    SearchFilter filter = search.filter("incidentKey", "processInstanceKey", "processDefinitionId",
        "processDefinitionKey", "errorType", "state", "jobKey", "elementId", "elementInstanceKey", "tenantId");
    Tenants.requireDefault(filter.string("tenantId"));
    Long processInstanceKey = filter.key("processInstanceKey");
    Long elementKey = filter.key("elementInstanceKey");
    if (elementInstanceKey != null && queries.processInstance(elementInstanceKey).isPresent()) {
      processInstanceKey = elementInstanceKey;
    } else if (elementInstanceKey != null) {
      elementKey = elementInstanceKey;
    }
    IncidentFilter engineFilter = new IncidentFilter(
        filter.key("incidentKey"),
        processInstanceKey,
        filter.string("processDefinitionId"),
        filter.string("errorType"),
        filter.enumValue("state", IncidentState.class),
        filter.key("jobKey"),
        filter.string("elementId"),
        elementKey,
        filter.key("processDefinitionKey"));
    SearchPaging paging = search.paging("incidentKey", "creationTime");
    return paging.result(queries.searchIncidents(engineFilter, paging.request()),
        IncidentResponse::of);
  }

  @GetMapping("/v2/incidents/{incidentKey}")
  IncidentResponse get(@PathVariable String incidentKey) {
    long key = Keys.parse("incidentKey", incidentKey);
    return queries.incident(key).map(IncidentResponse::of)
        .orElseThrow(() -> ApiException.notFound("Expected to find incident " + key + ", but none exists"));
  }

  @PostMapping("/v2/incidents/{incidentKey}/resolution")
  ResponseEntity<Void> resolve(@PathVariable String incidentKey) {
    long key = Keys.parse("incidentKey", incidentKey);
    engine.resolveIncident(key);
    actions.record(ActionLog.Action.RESOLVED_INCIDENT, key);
    return ResponseEntity.noContent().build();
  }

  record IncidentResponse(String processDefinitionId, String errorType, String errorMessage, String elementId,
      String creationTime, String state, String tenantId, String incidentKey, String processDefinitionKey,
      String processInstanceKey, String rootProcessInstanceKey, String elementInstanceKey, String jobKey) {

    static IncidentResponse of(IncidentView incident) {
      return new IncidentResponse(incident.bpmnProcessId(), incident.errorType(), incident.errorMessage(),
          incident.elementId(), Dates.format(incident.creationTime()), incident.state().name(), incident.tenantId(),
          Keys.format(incident.key()), Keys.format(incident.processDefinitionKey()),
          Keys.format(incident.processInstanceKey()), null,
          Keys.format(incident.elementInstanceKey()), Keys.format(incident.jobKey()));
    }
  }
}
