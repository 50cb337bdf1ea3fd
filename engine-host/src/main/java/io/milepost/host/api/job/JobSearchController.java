package io.milepost.host.api.job;

import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.JobFilter;
import io.milepost.engine.api.JobState;
import io.milepost.engine.api.JobView;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v2/jobs/search}. Camunda's job states name what last happened to a job; the engine keeps where a job
 * is. An activated job is CREATED to Camunda (activation is not a state there); a timed-out job or one whose
 * retries were raised is activatable again, so the engine has it as CREATED too and Camunda's TIMED_OUT and
 * RETRIES_UPDATED find nothing of their own.
 */
@RestController
final class JobSearchController {

  private static final Map<String, Set<JobState>> STATES = Map.of(
      "CREATED", EnumSet.of(JobState.CREATED, JobState.ACTIVATED),
      "FAILED", EnumSet.of(JobState.FAILED),
      "COMPLETED", EnumSet.of(JobState.COMPLETED),
      "CANCELED", EnumSet.of(JobState.CANCELED),
      "ERROR_THROWN", EnumSet.of(JobState.ERROR_THROWN),
      "TIMED_OUT", EnumSet.noneOf(JobState.class),
      "RETRIES_UPDATED", EnumSet.noneOf(JobState.class),
      "MIGRATED", EnumSet.noneOf(JobState.class));

  private final EngineQueries queries;

  JobSearchController(EngineQueries queries) {
    this.queries = queries;
  }

  @PostMapping("/v2/jobs/search")
  SearchResult<JobResponse> search(@RequestBody(required = false) SearchQuery query) {
    SearchQuery search = query == null ? new SearchQuery(null, null, null) : query;
    SearchFilter filter = search.filter("jobKey", "type", "state", "processInstanceKey", "processDefinitionKey",
        "processDefinitionId", "elementId", "elementInstanceKey", "worker", "retries", "kind", "tenantId");
    Tenants.requireDefault(filter.string("tenantId"));
    String kind = filter.string("kind");
    List<String> stateNames = filter.anyOf("state");
    Set<JobState> states = EnumSet.noneOf(JobState.class);
    for (String name : stateNames) {
      Set<JobState> engineStates = STATES.get(name);
      if (engineStates == null) {
        throw ApiException.invalidArgument("Expected filter 'state' to be one of " + STATES.keySet().stream().sorted()
            .toList() + ", but found '" + name + "'");
      }
      states.addAll(engineStates);
    }
    RootProcessInstances roots = new RootProcessInstances(queries);
    SearchPaging paging = search.paging("jobKey", "creationTime");
    if ((!stateNames.isEmpty() && states.isEmpty()) || (kind != null && !kind.equals("BPMN_ELEMENT"))) {
      // only states (or kinds of job: listeners) the engine never has: nothing can match
      return paging.result(new Page<JobView>(List.of(), 0), job -> JobResponse.of(job, roots));
    }
    JobFilter engineFilter = new JobFilter(filter.key("jobKey"), filter.string("type"), states,
        filter.key("processInstanceKey"), filter.key("processDefinitionKey"), filter.string("processDefinitionId"),
        filter.string("elementId"), filter.key("elementInstanceKey"), filter.string("worker"),
        filter.atLeast("retries"));
    return paging.result(queries.searchJobs(engineFilter, paging.request()),
        job -> JobResponse.of(job, roots));
  }

  /** Camunda's {@code JobSearchResult}. */
  record JobResponse(Map<String, String> customHeaders, String deadline, String deniedReason, String elementId,
      String elementInstanceKey, String endTime, String errorCode, String errorMessage,
      boolean hasFailedWithRetriesLeft, boolean isDenied, String jobKey, String kind, String listenerEventType,
      String processDefinitionId, String processDefinitionKey, String processInstanceKey,
      String rootProcessInstanceKey, int retries, String state, String tenantId, String type, String worker,
      String creationTime, String lastUpdateTime) {

    static JobResponse of(JobView job, RootProcessInstances roots) {
      String state = job.state() == JobState.ACTIVATED ? "CREATED" : job.state().name();
      return new JobResponse(job.customHeaders(), Dates.format(job.deadline()), null, job.elementId(),
          Keys.format(job.elementInstanceKey()), null, null, job.errorMessage(),
          job.state() == JobState.FAILED && job.retries() > 0, false, Keys.format(job.key()), job.kind(),
          "UNSPECIFIED", job.bpmnProcessId(), Keys.format(job.processDefinitionKey()),
          Keys.format(job.processInstanceKey()),
          Keys.format(roots.rootOf(job.processInstanceKey())), job.retries(), state,
          job.tenantId(), job.type(), job.worker(), Dates.format(job.creationTime()), null);
    }
  }
}
