package io.milepost.host.api.processdefinition;

import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.ProcessDefinitionFilter;
import io.milepost.engine.api.ProcessDefinitionView;
import io.milepost.host.api.ApiException;
import io.milepost.host.api.Keys;
import io.milepost.host.api.SearchFilter;
import io.milepost.host.api.SearchQuery;
import io.milepost.host.api.SearchPaging;
import io.milepost.host.api.SearchResult;
import io.milepost.host.api.Tenants;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Deployed process definitions and their BPMN XML under {@code /v2/process-definitions}. */
@RestController
@RequestMapping("/v2/process-definitions")
final class ProcessDefinitionController {

  private final EngineQueries queries;

  ProcessDefinitionController(EngineQueries queries) {
    this.queries = queries;
  }

  @PostMapping("/search")
  SearchResult<ProcessDefinitionResponse> search(@RequestBody(required = false) SearchQuery query) {
    SearchQuery search = query == null ? new SearchQuery(null, null, null) : query;
    SearchFilter filter = search.filter("processDefinitionKey", "processDefinitionId", "version", "isLatestVersion",
        "tenantId");
    Tenants.requireDefault(filter.string("tenantId"));
    ProcessDefinitionFilter engineFilter = new ProcessDefinitionFilter(
        filter.key("processDefinitionKey"),
        filter.string("processDefinitionId"),
        filter.integer("version"),
        filter.bool("isLatestVersion"));
    SearchPaging paging = search.paging("processDefinitionKey");
    return paging.result(queries.searchProcessDefinitions(engineFilter, paging.request()),
        ProcessDefinitionResponse::of);
  }

  @GetMapping("/{processDefinitionKey}")
  ProcessDefinitionResponse get(@PathVariable String processDefinitionKey) {
    long key = Keys.parse("processDefinitionKey", processDefinitionKey);
    return queries.processDefinition(key).map(ProcessDefinitionResponse::of).orElseThrow(() -> missing(key));
  }

  /** The client reads the XML as text, so it goes out as text/xml, not JSON. */
  @GetMapping("/{processDefinitionKey}/xml")
  ResponseEntity<String> xml(@PathVariable String processDefinitionKey) {
    long key = Keys.parse("processDefinitionKey", processDefinitionKey);
    String xml = queries.processDefinitionXml(key).orElseThrow(() -> missing(key));
    return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(xml);
  }

  private static ApiException missing(long key) {
    return ApiException.notFound("Expected to find process definition " + key + ", but none exists");
  }

  record ProcessDefinitionResponse(String name, String resourceName, int version, String versionTag,
      String processDefinitionId, String tenantId, String processDefinitionKey, boolean hasStartForm) {

    static ProcessDefinitionResponse of(ProcessDefinitionView definition) {
      return new ProcessDefinitionResponse(definition.name(), definition.resourceName(), definition.version(), null,
          definition.bpmnProcessId(), definition.tenantId(), Keys.format(definition.key()), false);
    }
  }
}
