package io.milepost.host.security;

import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.UserTaskView;
import io.milepost.host.api.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Keeps a user confined to their sites away from every other site's user task under
 * {@code /v2/user-tasks/{key}/...} (reading, the form, the variables, claiming, completing): such a task
 * answers 404 as if it did not exist, before the controller runs, so nothing changes.
 */
@Component
final class UserTaskSiteGuard implements HandlerInterceptor {

  static final String PREFIX = "/v2/user-tasks/";

  private final EngineQueries queries;
  private final CurrentUser currentUser;
  private final UserTaskSites sites;

  UserTaskSiteGuard(EngineQueries queries, CurrentUser currentUser, UserTaskSites sites) {
    this.queries = queries;
    this.currentUser = currentUser;
    this.sites = sites;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    Optional<MilepostUser> user = currentUser.find().filter(MilepostUser::confinedToSites);
    Optional<Long> key = taskKey(EndpointAuthorization.pathOf(request));
    if (user.isEmpty() || key.isEmpty()) {
      return true;
    }
    Optional<UserTaskView> task = queries.userTask(key.get());
    if (task.isPresent() && !sites.mayAccess(user.get(), task.get())) {
      throw ApiException.notFound("Expected to find user task " + key.get() + " among the user tasks of your sites "
          + user.get().sites().stream().sorted().toList() + ", but there is none");
    }
    return true;
  }

  /** The key in {@code /v2/user-tasks/{key}[/...]}; empty for the search or a key that is no number (the controller says so). */
  private static Optional<Long> taskKey(String path) {
    if (!path.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = path.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    String segment = slash < 0 ? rest : rest.substring(0, slash);
    try {
      return Optional.of(Long.parseLong(segment));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
