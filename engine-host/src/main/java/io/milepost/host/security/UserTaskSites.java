package io.milepost.host.security;

import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.UserTaskView;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The site a user task belongs to: the {@code siteId} variable its element maps in (the network's models
 * map every task's site into it), read at the task's own scope and, failing that, its parents'.
 */
@Component
public final class UserTaskSites {

  static final String SITE_VARIABLE = "siteId";

  private final EngineQueries queries;

  UserTaskSites(EngineQueries queries) {
    this.queries = queries;
  }

  public Optional<String> siteOf(UserTaskView task) {
    Object site = queries.visibleVariables(task.elementInstanceKey()).get(SITE_VARIABLE);
    return site instanceof String id ? Optional.of(id) : Optional.empty();
  }

  /** Whether {@code user} may see and act on {@code task}: always unless they are confined to their sites. */
  public boolean mayAccess(MilepostUser user, UserTaskView task) {
    return !user.confinedToSites() || siteOf(task).filter(user::mayAccessSite).isPresent();
  }
}
