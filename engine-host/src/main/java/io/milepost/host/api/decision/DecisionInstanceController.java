package io.milepost.host.api.decision;

import io.milepost.engine.api.DecisionInstanceFilter;
import io.milepost.engine.api.DecisionQueries;
import io.milepost.engine.api.Engine;
import io.milepost.host.api.ApiException;
import io.milepost.host.api.SearchFilter;
import io.milepost.host.api.SearchQuery;
import io.milepost.host.api.SearchPaging;
import io.milepost.host.api.SearchResult;
import io.milepost.host.api.Tenants;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every decision evaluated, kept, under {@code /v2/decision-instances}; an instance is addressed by its
 * {@code decisionEvaluationInstanceKey} ("evaluation key-index", as Camunda does).
 */
@RestController
@RequestMapping("/v2/decision-instances")
final class DecisionInstanceController {

  private static final Map<String, String> STATES = Map.of("EVALUATED", "EVALUATED", "FAILED", "FAILED");

  private final DecisionQueries queries;
  private final DecisionResponses responses;

  DecisionInstanceController(Engine engine, DecisionResponses responses) {
    this.queries = engine.decisionQueries();
    this.responses = responses;
  }

  @PostMapping("/search")
  SearchResult<DecisionResponses.DecisionInstanceResponse> search(@RequestBody(required = false) SearchQuery query) {
    SearchQuery search = query == null ? new SearchQuery(null, null, null) : query;
    SearchFilter filter = search.filter("decisionEvaluationInstanceKey", "decisionEvaluationKey", "state",
        "decisionDefinitionKey", "decisionDefinitionId", "decisionDefinitionVersion", "processDefinitionKey",
        "processInstanceKey", "elementInstanceKey", "tenantId");
    Tenants.requireDefault(filter.string("tenantId"));
    DecisionInstanceFilter engineFilter = new DecisionInstanceFilter(filter.string("decisionEvaluationInstanceKey"),
        filter.key("decisionEvaluationKey"), filter.mapped("state", STATES), filter.key("decisionDefinitionKey"),
        filter.string("decisionDefinitionId"), filter.integer("decisionDefinitionVersion"),
        filter.key("processDefinitionKey"), filter.key("processInstanceKey"), filter.key("elementInstanceKey"));
    SearchPaging paging = search.paging("decisionEvaluationInstanceKey");
    return paging.result(queries.searchDecisionInstances(engineFilter, paging.request()), responses::instance);
  }

  @GetMapping("/{decisionEvaluationInstanceKey}")
  DecisionResponses.DecisionInstanceResponse get(@PathVariable String decisionEvaluationInstanceKey) {
    return queries.decisionInstance(decisionEvaluationInstanceKey).map(responses::instance).orElseThrow(() ->
        ApiException.notFound("Expected to find decision instance '" + decisionEvaluationInstanceKey
            + "', but none exists"));
  }
}
