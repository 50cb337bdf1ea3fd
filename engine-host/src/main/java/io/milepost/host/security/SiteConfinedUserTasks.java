package io.milepost.host.security;

import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.Page;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.UserTaskFilter;
import io.milepost.engine.api.UserTaskView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The user task search as the caller may see it: everything for admins and engineers, only the tasks of
 * their sites for everyone else. The engine knows nothing of sites, so a confined search reads the
 * engine's matches in batches and keeps those whose site the user works at; it stops reading once the page
 * is full and one more batch is counted, and then reports the total as a lower bound
 * ({@code hasMoreTotalItems}), as the API does for large totals.
 */
@Component
public final class SiteConfinedUserTasks {

  private static final int BATCH = 500;

  private final EngineQueries queries;
  private final CurrentUser currentUser;
  private final UserTaskSites sites;

  SiteConfinedUserTasks(EngineQueries queries, CurrentUser currentUser, UserTaskSites sites) {
    this.queries = queries;
    this.currentUser = currentUser;
    this.sites = sites;
  }

  public Page<UserTaskView> search(UserTaskFilter filter, PageRequest page) {
    Optional<MilepostUser> user = currentUser.find();
    if (user.isEmpty() || !user.get().confinedToSites()) {
      return queries.searchUserTasks(filter, page);
    }
    List<UserTaskView> items = new ArrayList<>();
    long matches = 0;
    for (int offset = 0; ; offset += BATCH) {
      List<UserTaskView> batch = queries.searchUserTasks(filter, new PageRequest(offset, BATCH, page.descending()))
          .items();
      for (UserTaskView task : batch) {
        if (sites.mayAccess(user.get(), task)) {
          if (matches >= page.from() && items.size() < page.limit()) {
            items.add(task);
          }
          matches++;
        }
      }
      if (batch.size() < BATCH) {
        return new Page<>(items, matches);
      }
      if (items.size() == page.limit()) {
        return new Page<>(items, matches, true);
      }
    }
  }
}
