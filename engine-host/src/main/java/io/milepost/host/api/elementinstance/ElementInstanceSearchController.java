package io.milepost.host.api.elementinstance;

import io.milepost.engine.api.ElementInstanceFilter;
import io.milepost.engine.api.ElementInstanceSort;
import io.milepost.engine.api.ElementInstanceState;
import io.milepost.engine.api.EngineQueries;
import io.milepost.host.api.ApiException;
import io.milepost.host.api.Keys;
import io.milepost.host.api.RootProcessInstances;
import io.milepost.host.api.SearchFilter;
import io.milepost.host.api.SearchQuery;
import io.milepost.host.api.SearchPaging;
import io.milepost.host.api.SearchResult;
import io.milepost.host.api.Tenants;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v2/element-instances/search} and {@code GET /v2/element-instances/{key}}: the elements instances
 * passed through, with Camunda's filter, sort and page shapes. Read from the store the engine writes, so an element
 * a command just completed is completed here.
 */
@RestController
@RequestMapping("/v2/element-instances")
final class ElementInstanceSearchController {

  /** Camunda's element types; the engine's types carry the same names. */
  private static final List<String> TYPES = List.of("SUB_PROCESS", "EVENT_SUB_PROCESS", "START_EVENT",
      "INTERMEDIATE_CATCH_EVENT", "INTERMEDIATE_THROW_EVENT", "BOUNDARY_EVENT", "END_EVENT", "SERVICE_TASK",
      "RECEIVE_TASK", "USER_TASK", "MANUAL_TASK", "TASK", "EXCLUSIVE_GATEWAY", "INCLUSIVE_GATEWAY", "PARALLEL_GATEWAY",
      "EVENT_BASED_GATEWAY", "MULTI_INSTANCE_BODY", "CALL_ACTIVITY", "BUSINESS_RULE_TASK", "SCRIPT_TASK", "SEND_TASK");

  private static final Map<String, ElementInstanceSort.Field> SORT_FIELDS = sortFields();

  private final EngineQueries queries;

  ElementInstanceSearchController(EngineQueries queries) {
    this.queries = queries;
  }

  @PostMapping("/search")
  SearchResult<ElementInstanceResponse> search(@RequestBody(required = false) SearchQuery query) {
    SearchQuery search = query == null ? new SearchQuery(null, null, null) : query;
    SearchFilter filter = search.filter("elementInstanceKey", "processInstanceKey", "processDefinitionKey",
        "processDefinitionId", "elementId", "elementName", "type", "state", "hasIncident", "incidentKey",
        "elementInstanceScopeKey", "tenantId");
    Tenants.requireDefault(filter.string("tenantId"));
    String type = filter.string("type");
    if (type != null && !TYPES.contains(type)) {
      throw ApiException.invalidArgument("Expected filter 'type' to be one of " + TYPES + ", but found '" + type + "'");
    }
    ElementInstanceFilter engineFilter = new ElementInstanceFilter(
        filter.key("elementInstanceKey"),
        filter.key("processInstanceKey"),
        filter.key("processDefinitionKey"),
        filter.string("processDefinitionId"),
        filter.string("elementId"),
        filter.string("elementName"),
        type,
        filter.enumValue("state", ElementInstanceState.class),
        filter.bool("hasIncident"),
        filter.key("incidentKey"),
        filter.key("elementInstanceScopeKey"));
    RootProcessInstances roots = new RootProcessInstances(queries);
    SearchPaging paging = search.paging("elementInstanceKey");
    return paging.result(queries.searchElementInstances(engineFilter, sort(search.sort()),
        paging.request()), element -> ElementInstanceResponse.of(element, roots));
  }

  @GetMapping("/{elementInstanceKey}")
  ElementInstanceResponse get(@PathVariable String elementInstanceKey) {
    long key = Keys.parse("elementInstanceKey", elementInstanceKey);
    return queries.elementInstance(key)
        .map(element -> ElementInstanceResponse.of(element, new RootProcessInstances(queries)))
        .orElseThrow(() -> ApiException.notFound("Expected to find element instance " + key + ", but none exists"));
  }

  private static List<ElementInstanceSort> sort(List<SearchQuery.SortBody> sort) {
    List<ElementInstanceSort> criteria = new ArrayList<>();
    for (SearchQuery.SortBody criterion : sort == null ? List.<SearchQuery.SortBody>of() : sort) {
      ElementInstanceSort.Field field = SORT_FIELDS.get(criterion.field());
      if (field == null) {
        throw ApiException.invalidArgument("Expected to sort element instances by one of " + SORT_FIELDS.keySet()
            + ", but found '" + criterion.field() + "'");
      }
      String order = criterion.order() == null ? "ASC" : criterion.order();
      if (!order.equalsIgnoreCase("ASC") && !order.equalsIgnoreCase("DESC")) {
        throw ApiException.invalidArgument("Expected sort order ASC or DESC, but found '" + order + "'");
      }
      criteria.add(new ElementInstanceSort(field, order.equalsIgnoreCase("DESC")));
    }
    return criteria;
  }

  private static Map<String, ElementInstanceSort.Field> sortFields() {
    Map<String, ElementInstanceSort.Field> fields = new LinkedHashMap<>();
    fields.put("elementInstanceKey", ElementInstanceSort.Field.KEY);
    fields.put("processInstanceKey", ElementInstanceSort.Field.PROCESS_INSTANCE_KEY);
    fields.put("processDefinitionKey", ElementInstanceSort.Field.PROCESS_DEFINITION_KEY);
    fields.put("processDefinitionId", ElementInstanceSort.Field.BPMN_PROCESS_ID);
    fields.put("elementId", ElementInstanceSort.Field.ELEMENT_ID);
    fields.put("type", ElementInstanceSort.Field.ELEMENT_TYPE);
    fields.put("state", ElementInstanceSort.Field.STATE);
    fields.put("startDate", ElementInstanceSort.Field.START_DATE);
    fields.put("endDate", ElementInstanceSort.Field.END_DATE);
    fields.put("incidentKey", ElementInstanceSort.Field.INCIDENT_KEY);
    return Collections.unmodifiableMap(fields);
  }
}
