package io.milepost.host.web.task;

import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.Page;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.UserTaskFilter;
import io.milepost.engine.api.UserTaskSort;
import io.milepost.engine.api.UserTaskState;
import io.milepost.engine.api.UserTaskView;
import io.milepost.engine.api.VariableFilter;
import io.milepost.engine.api.VariableMatch;
import io.milepost.host.web.PageUser;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open user tasks of the user's sites, filtered, sorted and paged by the engine's user task search. A task's
 * site is its own {@code siteId} variable (the model maps the step's site into it), so "my sites" is a filter on
 * that variable.
 */
@Component
final class OpenTasks {

  private static final String SITE_VARIABLE = "siteId";
  private static final UserTaskSort DUE_FIRST = UserTaskSort.ascending(UserTaskSort.Field.DUE_DATE);
  private static final UserTaskSort HIGH_PRIORITY_FIRST = UserTaskSort.descending(UserTaskSort.Field.PRIORITY);
  private static final UserTaskSort OLDEST_FIRST = UserTaskSort.ascending(UserTaskSort.Field.CREATION_DATE);

  private final EngineQueries queries;
  private final BusinessIds businessIds;
  private final JsonMapper json;
  private final Clock clock = Clock.systemUTC();

  OpenTasks(EngineQueries queries, BusinessIds businessIds, JsonMapper json) {
    this.queries = queries;
    this.businessIds = businessIds;
    this.json = json;
  }

  TaskPage find(TaskListRequest request, PageUser user) {
    Page<UserTaskView> page = queries.searchUserTasks(filter(request, user), sort(request.sort()),
        new PageRequest(request.page() * TaskListRequest.PAGE_SIZE, TaskListRequest.PAGE_SIZE, false));
    Map<Long, String> ids = businessIds.of(page.items().stream().map(UserTaskView::processInstanceKey).distinct()
        .toList());
    List<TaskRow> rows = new ArrayList<>(page.items().size());
    for (UserTaskView task : page.items()) {
      rows.add(new TaskRow(task.key(), task.name(), task.bpmnProcessId(), task.processInstanceKey(),
          ids.get(task.processInstanceKey()), siteOf(task), task.creationDate(), task.dueDate(),
          isPast(task.dueDate()), task.assignee(), task.priority() == null ? 0 : task.priority(),
          task.candidateGroups()));
    }
    return new TaskPage(rows, request.page(), page.totalItems());
  }

  /** The candidate groups of the open tasks, for the filter. */
  List<String> candidateGroups() {
    return queries.userTaskCandidateGroups(UserTaskState.CREATED);
  }

  private static UserTaskFilter filter(TaskListRequest request, PageUser user) {
    String assignee = request.show() == TaskListRequest.Show.MINE ? user.name() : null;
    Boolean assigned = request.show() == TaskListRequest.Show.UNASSIGNED ? false : null;
    List<VariableMatch> sites = user.seesAllSites() ? List.of()
        : List.of(VariableMatch.oneOf(SITE_VARIABLE, List.copyOf(user.siteIds())));
    return new UserTaskFilter(null, UserTaskState.CREATED, assignee, request.candidateGroup(), null, null, null,
        null, assigned, sites);
  }

  /** Tasks without a due date after those with one; ties by priority (high first), then age. */
  private static List<UserTaskSort> sort(TaskListRequest.Sort sort) {
    return switch (sort) {
      case DUE -> List.of(DUE_FIRST, HIGH_PRIORITY_FIRST, OLDEST_FIRST);
      case PRIORITY -> List.of(HIGH_PRIORITY_FIRST, DUE_FIRST, OLDEST_FIRST);
    };
  }

  private String siteOf(UserTaskView task) {
    return queries.searchVariables(new VariableFilter(null, task.elementInstanceKey(), SITE_VARIABLE),
            PageRequest.first(1)).items().stream()
        .map(variable -> json.readTree(variable.valueJson()).asString())
        .findFirst().orElse(null);
  }

  private boolean isPast(String dueDate) {
    if (dueDate == null) {
      return false;
    }
    try {
      return OffsetDateTime.parse(dueDate).toInstant().isBefore(clock.instant());
    } catch (DateTimeParseException notOffset) {
      try {
        return ZonedDateTime.parse(dueDate).toInstant().isBefore(clock.instant());
      } catch (DateTimeParseException unreadable) {
        return false;
      }
    }
  }
}
