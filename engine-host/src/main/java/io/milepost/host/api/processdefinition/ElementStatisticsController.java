package io.milepost.host.api.processdefinition;

import io.milepost.engine.api.ElementStatistics;
import io.milepost.engine.api.EngineQueries;
import io.milepost.host.api.ApiException;
import io.milepost.host.api.Keys;
import io.milepost.host.api.SearchQuery;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2/process-definitions/{key}/statistics/element-instances}: per element of a definition, how many of its
 * instances are active, canceled, completed or stuck on an incident. The 8.9 client POSTs it with an optional
 * filter on the instances counted; this server counts all instances of the definition and refuses a filter rather
 * than ignore it. GET answers the same, for pages and curl.
 */
@RestController
final class ElementStatisticsController {

  private static final String PATH = "/v2/process-definitions/{processDefinitionKey}/statistics/element-instances";

  private final EngineQueries queries;

  ElementStatisticsController(EngineQueries queries) {
    this.queries = queries;
  }

  @GetMapping(PATH)
  StatisticsResponse get(@PathVariable String processDefinitionKey) {
    long key = Keys.parse("processDefinitionKey", processDefinitionKey);
    if (queries.processDefinition(key).isEmpty()) {
      throw ApiException.notFound("Expected to find process definition " + key + ", but none exists");
    }
    return new StatisticsResponse(queries.elementStatistics(key).stream().map(ElementStatisticsResponse::of).toList());
  }

  @PostMapping(PATH)
  StatisticsResponse post(@PathVariable String processDefinitionKey, @RequestBody(required = false) SearchQuery query) {
    if (query != null) {
      query.filter(); // refuses every filter field that has a value
    }
    return get(processDefinitionKey);
  }

  record StatisticsResponse(List<ElementStatisticsResponse> items) {}

  record ElementStatisticsResponse(String elementId, long active, long canceled, long incidents, long completed) {

    static ElementStatisticsResponse of(ElementStatistics statistics) {
      return new ElementStatisticsResponse(statistics.elementId(), statistics.active(), statistics.canceled(),
          statistics.incidents(), statistics.completed());
    }
  }
}
