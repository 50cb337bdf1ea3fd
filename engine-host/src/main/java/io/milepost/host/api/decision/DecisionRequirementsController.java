package io.milepost.host.api.decision;

import io.milepost.engine.api.DecisionQueries;
import io.milepost.engine.api.DecisionRequirementsFilter;
import io.milepost.engine.api.Engine;
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

/** Deployed decision requirements graphs (one per DMN resource) under {@code /v2/decision-requirements}. */
@RestController
@RequestMapping("/v2/decision-requirements")
final class DecisionRequirementsController {

  private final DecisionQueries queries;
  private final DecisionResponses responses;

  DecisionRequirementsController(Engine engine, DecisionResponses responses) {
    this.queries = engine.decisionQueries();
    this.responses = responses;
  }

  @PostMapping("/search")
  SearchResult<DecisionResponses.DecisionRequirementsResponse> search(@RequestBody(required = false) SearchQuery query) {
    SearchQuery search = query == null ? new SearchQuery(null, null, null) : query;
    SearchFilter filter = search.filter("decisionRequirementsKey", "decisionRequirementsId", "decisionRequirementsName",
        "version", "tenantId");
    Tenants.requireDefault(filter.string("tenantId"));
    DecisionRequirementsFilter engineFilter = new DecisionRequirementsFilter(filter.key("decisionRequirementsKey"),
        filter.string("decisionRequirementsId"), filter.string("decisionRequirementsName"), filter.integer("version"));
    SearchPaging paging = search.paging("decisionRequirementsKey");
    return paging.result(queries.searchDecisionRequirements(engineFilter, paging.request()), responses::requirements);
  }

  @GetMapping("/{decisionRequirementsKey}")
  DecisionResponses.DecisionRequirementsResponse get(@PathVariable String decisionRequirementsKey) {
    long key = Keys.parse("decisionRequirementsKey", decisionRequirementsKey);
    return queries.decisionRequirements(key).map(responses::requirements).orElseThrow(() -> missing(key));
  }

  @GetMapping("/{decisionRequirementsKey}/xml")
  ResponseEntity<String> xml(@PathVariable String decisionRequirementsKey) {
    long key = Keys.parse("decisionRequirementsKey", decisionRequirementsKey);
    String xml = queries.decisionRequirementsXml(key).orElseThrow(() -> missing(key));
    return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(xml);
  }

  private static ApiException missing(long key) {
    return ApiException.notFound("Expected to find decision requirements " + key + ", but none exist");
  }
}
