package io.milepost.host.api.variable;

import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.VariableFilter;
import io.milepost.engine.api.VariableView;
import io.milepost.host.api.Keys;
import io.milepost.host.api.SearchFilter;
import io.milepost.host.api.SearchQuery;
import io.milepost.host.api.SearchPaging;
import io.milepost.host.api.SearchResult;
import io.milepost.host.api.Tenants;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v2/variables/search}: variables as stored, each value as its JSON text. */
@RestController
@RequestMapping("/v2/variables")
final class VariableController {

  private final EngineQueries queries;

  VariableController(EngineQueries queries) {
    this.queries = queries;
  }

  @PostMapping("/search")
  SearchResult<VariableResponse> search(@RequestBody(required = false) SearchQuery query) {
    SearchQuery search = query == null ? new SearchQuery(null, null, null) : query;
    SearchFilter filter = search.filter("processInstanceKey", "scopeKey", "name", "tenantId");
    Tenants.requireDefault(filter.string("tenantId"));
    VariableFilter engineFilter = new VariableFilter(filter.key("processInstanceKey"), filter.key("scopeKey"),
        filter.string("name"));
    SearchPaging paging = search.paging("variableKey");
    return paging.result(queries.searchVariables(engineFilter, paging.request()),
        VariableResponse::of);
  }

  record VariableResponse(String name, String tenantId, String variableKey, String scopeKey,
      String processInstanceKey, String rootProcessInstanceKey, String value, boolean isTruncated) {

    static VariableResponse of(VariableView variable) {
      return new VariableResponse(variable.name(), variable.tenantId(), Keys.format(variable.key()),
          Keys.format(variable.scopeKey()), Keys.format(variable.processInstanceKey()), null, variable.valueJson(),
          false);
    }
  }
}
