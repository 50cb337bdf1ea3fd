package io.milepost.host.api.message;

import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.MessageSubscriptionFilter;
import io.milepost.engine.api.MessageSubscriptionView;
import io.milepost.engine.api.Page;
import io.milepost.host.api.ApiException;
import io.milepost.host.api.Dates;
import io.milepost.host.api.Keys;
import io.milepost.host.api.RootProcessInstances;
import io.milepost.host.api.SearchFilter;
import io.milepost.host.api.SearchQuery;
import io.milepost.host.api.SearchPaging;
import io.milepost.host.api.SearchResult;
import io.milepost.host.api.Tenants;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v2/message-subscriptions/search}: the elements waiting for a message. The engine keeps open
 * subscriptions only (state CREATED); one that correlated or whose element ended is gone, so the states CORRELATED,
 * DELETED and MIGRATED find nothing.
 */
@RestController
final class MessageSubscriptionController {

  private static final List<String> STATES = List.of("CREATED", "CORRELATED", "DELETED", "MIGRATED");

  private final EngineQueries queries;

  MessageSubscriptionController(EngineQueries queries) {
    this.queries = queries;
  }

  @PostMapping("/v2/message-subscriptions/search")
  SearchResult<MessageSubscriptionResponse> search(@RequestBody(required = false) SearchQuery query) {
    SearchQuery search = query == null ? new SearchQuery(null, null, null) : query;
    SearchFilter filter = search.filter("messageSubscriptionKey", "processInstanceKey", "processDefinitionKey",
        "processDefinitionId", "elementId", "elementInstanceKey", "messageSubscriptionState", "messageName",
        "correlationKey", "tenantId");
    Tenants.requireDefault(filter.string("tenantId"));
    List<String> states = filter.anyOf("messageSubscriptionState");
    states.stream().filter(state -> !STATES.contains(state)).findFirst().ifPresent(state -> {
      throw ApiException.invalidArgument("Expected filter 'messageSubscriptionState' to be one of " + STATES
          + ", but found '" + state + "'");
    });
    RootProcessInstances roots = new RootProcessInstances(queries);
    SearchPaging paging = search.paging("messageSubscriptionKey", "lastUpdatedDate");
    if (!states.isEmpty() && !states.contains("CREATED")) {
      // the engine keeps open subscriptions only
      return paging.result(new Page<MessageSubscriptionView>(List.of(), 0),
          subscription -> MessageSubscriptionResponse.of(subscription, roots));
    }
    MessageSubscriptionFilter engineFilter = new MessageSubscriptionFilter(filter.key("messageSubscriptionKey"),
        filter.key("processInstanceKey"), filter.key("processDefinitionKey"), filter.string("processDefinitionId"),
        filter.string("elementId"), filter.key("elementInstanceKey"), filter.string("messageName"),
        filter.string("correlationKey"));
    return paging.result(queries.searchMessageSubscriptions(engineFilter, paging.request()),
        subscription -> MessageSubscriptionResponse.of(subscription, roots));
  }

  /** Camunda's {@code MessageSubscriptionResult}. */
  record MessageSubscriptionResponse(String messageSubscriptionKey, String processDefinitionId,
      String processDefinitionKey, String processInstanceKey, String rootProcessInstanceKey, String elementId,
      String elementInstanceKey, String messageSubscriptionState, String lastUpdatedDate, String messageName,
      String correlationKey, String tenantId) {

    static MessageSubscriptionResponse of(MessageSubscriptionView subscription, RootProcessInstances roots) {
      return new MessageSubscriptionResponse(Keys.format(subscription.key()), subscription.bpmnProcessId(),
          Keys.format(subscription.processDefinitionKey()), Keys.format(subscription.processInstanceKey()),
          Keys.format(roots.rootOf(subscription.processInstanceKey())), subscription.elementId(),
          Keys.format(subscription.elementInstanceKey()), "CREATED", Dates.format(subscription.createdDate()),
          subscription.messageName(), subscription.correlationKey(), subscription.tenantId());
    }
  }
}
