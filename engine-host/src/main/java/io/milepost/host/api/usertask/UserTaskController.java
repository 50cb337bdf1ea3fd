package io.milepost.host.api.usertask;

import io.milepost.engine.api.Engine;
import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.UserTaskFilter;
import io.milepost.engine.api.UserTaskState;
import io.milepost.host.api.ApiException;
import io.milepost.host.api.JsonDocuments;
import io.milepost.host.api.Keys;
import io.milepost.host.api.SearchFilter;
import io.milepost.host.api.SearchQuery;
import io.milepost.host.api.SearchPaging;
import io.milepost.host.api.SearchResult;
import io.milepost.host.api.Tenants;
import io.milepost.host.form.RequiredFields;
import io.milepost.host.security.ActionLog;
import io.milepost.host.security.SiteConfinedUserTasks;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Finding, assigning and completing user tasks under {@code /v2/user-tasks}. */
@RestController
@RequestMapping("/v2/user-tasks")
final class UserTaskController {

  private final Engine engine;
  private final EngineQueries queries;
  private final JsonDocuments json;
  private final SiteConfinedUserTasks visibleTasks;
  private final ActionLog actions;
  private final RequiredFields requiredFields;

  UserTaskController(Engine engine, EngineQueries queries, JsonDocuments json, SiteConfinedUserTasks visibleTasks,
      ActionLog actions, RequiredFields requiredFields) {
    this.engine = engine;
    this.queries = queries;
    this.json = json;
    this.visibleTasks = visibleTasks;
    this.actions = actions;
    this.requiredFields = requiredFields;
  }

  @PostMapping("/search")
  SearchResult<UserTaskResponse> search(@RequestBody(required = false) SearchQuery query) {
    SearchQuery search = query == null ? new SearchQuery(null, null, null) : query;
    SearchFilter filter = search.filter("userTaskKey", "state", "assignee", "candidateGroup", "candidateUser",
        "processInstanceKey", "processDefinitionId", "elementId", "tenantId");
    Tenants.requireDefault(filter.string("tenantId"));
    UserTaskFilter engineFilter = new UserTaskFilter(
        filter.key("userTaskKey"),
        filter.enumValue("state", UserTaskState.class),
        filter.string("assignee"),
        filter.string("candidateGroup"),
        filter.string("candidateUser"),
        filter.key("processInstanceKey"),
        filter.string("processDefinitionId"),
        filter.string("elementId"));
    SearchPaging paging = search.paging("userTaskKey");
    return paging.result(visibleTasks.search(engineFilter, paging.request()),
        UserTaskResponse::of);
  }

  @GetMapping("/{userTaskKey}")
  UserTaskResponse get(@PathVariable String userTaskKey) {
    long key = Keys.parse("userTaskKey", userTaskKey);
    return queries.userTask(key).map(UserTaskResponse::of)
        .orElseThrow(() -> ApiException.notFound("Expected to find user task " + key + ", but none exists"));
  }

  @PostMapping("/{userTaskKey}/assignment")
  ResponseEntity<Void> assign(@PathVariable String userTaskKey, @RequestBody AssignmentRequest request) {
    long key = Keys.parse("userTaskKey", userTaskKey);
    if (request.assignee() == null || request.assignee().isBlank()) {
      throw ApiException.invalidArgument("Expected an 'assignee' for user task " + key + ", but it was missing");
    }
    // Camunda's default: an assigned task may be reassigned unless the request says otherwise.
    engine.assignUserTask(key, request.assignee(), request.allowOverride() == null || request.allowOverride());
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/{userTaskKey}/assignee")
  ResponseEntity<Void> unassign(@PathVariable String userTaskKey) {
    engine.unassignUserTask(Keys.parse("userTaskKey", userTaskKey));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{userTaskKey}/completion")
  ResponseEntity<Void> complete(@PathVariable String userTaskKey,
      @RequestBody(required = false) CompletionRequest request) {
    long key = Keys.parse("userTaskKey", userTaskKey);
    CompletionRequest completion = request == null ? new CompletionRequest(null, null) : request;
    Map<String, Object> variables = json.object("variables", completion.variables());
    requiredFields.check(key, variables);
    engine.completeUserTask(key, variables, completion.action());
    actions.record(ActionLog.Action.COMPLETED_USER_TASK, key);
    return ResponseEntity.noContent().build();
  }

  record AssignmentRequest(String assignee, Boolean allowOverride, String action) {}

  record CompletionRequest(JsonNode variables, String action) {}
}
