package io.milepost.bench.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.SearchResponse;

/**
 * Completed instances of a process, counted over the Camunda search API. Its total stops at 10,000
 * (as in Camunda, {@code hasMoreTotalItems}), so past that the pages are counted.
 */
final class CompletedCount {

  private static final int PAGE = 1_000;

  private CompletedCount() {}

  static long of(CamundaClient client, String processId) {
    var first = search(client, processId, 0, 1);
    if (!first.page().hasMoreTotalItems()) {
      return first.page().totalItems();
    }
    long counted = 0;
    while (true) {
      int size = search(client, processId, (int) counted, PAGE).items().size();
      counted += size;
      if (size < PAGE) {
        return counted;
      }
    }
  }

  private static SearchResponse<io.camunda.client.api.search.response.ProcessInstance> search(CamundaClient client,
      String processId, int from, int limit) {
    return client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(processId).state(ProcessInstanceState.COMPLETED))
        .page(p -> p.from(from).limit(limit))
        .send().join();
  }
}
