package io.milepost.bench.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.SearchResponse;

/**
 * Instances of a process in a state, counted over the Camunda search API. Its total stops at 10,000 (as in
 * Camunda, {@code hasMoreTotalItems}), so past that the pages are counted.
 */
public final class InstanceCount {

  private static final int PAGE = 10_000;

  private InstanceCount() {}

  public static long of(CamundaClient client, String processId, ProcessInstanceState state) {
    var first = search(client, processId, state, 0, 1);
    if (!first.page().hasMoreTotalItems()) {
      return first.page().totalItems();
    }
    long counted = 0;
    while (true) {
      int size = search(client, processId, state, (int) counted, PAGE).items().size();
      counted += size;
      if (size < PAGE) {
        return counted;
      }
    }
  }

  private static SearchResponse<ProcessInstance> search(CamundaClient client, String processId,
      ProcessInstanceState state, int from, int limit) {
    return client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(processId).state(state))
        .page(p -> p.from(from).limit(limit))
        .send().join();
  }
}
