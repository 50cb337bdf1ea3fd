package io.milepost.host.api.decision;

import io.milepost.engine.api.DecisionDefinitionFilter;
import io.milepost.engine.api.DecisionQueries;
import io.milepost.engine.api.Engine;
import io.milepost.engine.api.EvaluateDecision;
import io.milepost.host.api.ApiException;
import io.milepost.host.api.JsonDocuments;
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
import tools.jackson.databind.JsonNode;

/** Deployed decisions under {@code /v2/decision-definitions}: evaluate one without a process, search, get, XML. */
@RestController
@RequestMapping("/v2/decision-definitions")
final class DecisionDefinitionController {

  private final Engine engine;
  private final DecisionQueries queries;
  private final JsonDocuments json;
  private final DecisionResponses responses;

  DecisionDefinitionController(Engine engine, JsonDocuments json, DecisionResponses responses) {
    this.engine = engine;
    this.queries = engine.decisionQueries();
    this.json = json;
    this.responses = responses;
  }

  record EvaluateRequest(String decisionDefinitionId, String decisionDefinitionKey, JsonNode variables,
      String tenantId) {}

  /** A failed evaluation answers 200 with its failure, as in Camunda; an unknown decision is a 404. */
  @PostMapping("/evaluation")
  DecisionResponses.EvaluationResponse evaluate(@RequestBody EvaluateRequest request) {
    Tenants.requireDefault(request.tenantId());
    boolean byId = request.decisionDefinitionId() != null && !request.decisionDefinitionId().isBlank();
    boolean byKey = request.decisionDefinitionKey() != null && !request.decisionDefinitionKey().isBlank();
    if (byId == byKey) {
      throw ApiException.invalidArgument("Expected exactly one of decisionDefinitionId and decisionDefinitionKey, "
          + "but found " + (byId ? "both" : "neither"));
    }
    Long key = byKey ? Keys.parse("decisionDefinitionKey", request.decisionDefinitionKey()) : null;
    return responses.evaluation(engine.evaluateDecision(new EvaluateDecision(key,
        byId ? request.decisionDefinitionId() : null, json.object("variables", request.variables()))));
  }

  @PostMapping("/search")
  SearchResult<DecisionResponses.DecisionDefinitionResponse> search(@RequestBody(required = false) SearchQuery query) {
    SearchQuery search = query == null ? new SearchQuery(null, null, null) : query;
    SearchFilter filter = search.filter("decisionDefinitionKey", "decisionDefinitionId", "name", "version",
        "decisionRequirementsKey", "decisionRequirementsId", "isLatestVersion", "tenantId");
    Tenants.requireDefault(filter.string("tenantId"));
    DecisionDefinitionFilter engineFilter = new DecisionDefinitionFilter(filter.key("decisionDefinitionKey"),
        filter.string("decisionDefinitionId"), filter.string("name"), filter.integer("version"),
        filter.key("decisionRequirementsKey"), filter.string("decisionRequirementsId"), filter.bool("isLatestVersion"));
    SearchPaging paging = search.paging("decisionDefinitionKey");
    return paging.result(queries.searchDecisionDefinitions(engineFilter, paging.request()),
        responses::definition);
  }

  @GetMapping("/{decisionDefinitionKey}")
  DecisionResponses.DecisionDefinitionResponse get(@PathVariable String decisionDefinitionKey) {
    long key = Keys.parse("decisionDefinitionKey", decisionDefinitionKey);
    return queries.decisionDefinition(key).map(responses::definition).orElseThrow(() -> missing(key));
  }

  /** The DMN XML the decision was deployed in (its whole graph), as text/xml like Camunda. */
  @GetMapping("/{decisionDefinitionKey}/xml")
  ResponseEntity<String> xml(@PathVariable String decisionDefinitionKey) {
    long key = Keys.parse("decisionDefinitionKey", decisionDefinitionKey);
    String xml = queries.decisionDefinition(key)
        .flatMap(d -> queries.decisionRequirementsXml(d.decisionRequirementsKey()))
        .orElseThrow(() -> missing(key));
    return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(xml);
  }

  private static ApiException missing(long key) {
    return ApiException.notFound("Expected to find decision definition " + key + ", but none exists");
  }
}
