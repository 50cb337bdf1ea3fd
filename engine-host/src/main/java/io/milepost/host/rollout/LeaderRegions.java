package io.milepost.host.rollout;

import io.milepost.host.rollout.Rollout.Target;
import io.milepost.host.rollout.RolloutRefusedException.Kind;
import io.milepost.host.security.CurrentUser;
import io.milepost.host.security.MilepostUser;
import io.milepost.host.site.SiteDirectory;
import io.milepost.plugin.api.Site;
import java.util.List;
import java.util.Optional;

/**
 * A leader creates and steers rollouts only for sites of their regions; an admin everywhere. Checked for
 * the person behind the request; the guardrails, which act on no one's behalf, are not confined.
 */
final class LeaderRegions {

  private final CurrentUser currentUser;
  private final SiteDirectory sites;

  LeaderRegions(CurrentUser currentUser, SiteDirectory sites) {
    this.currentUser = currentUser;
    this.sites = sites;
  }

  /**
   * @throws RolloutRefusedException FORBIDDEN naming the sites outside the caller's regions
   */
  void requireMaySteer(Rollout rollout, String action) {
    Optional<MilepostUser> user = currentUser.find();
    if (user.isEmpty()) {
      return;
    }
    List<String> outside = rollout.targets().stream().map(Target::siteId).distinct().sorted()
        .filter(siteId -> !user.get().mayAccessRegion(sites.find(siteId).map(Site::region).orElse(null)))
        .toList();
    if (!outside.isEmpty()) {
      throw new RolloutRefusedException(Kind.FORBIDDEN, "Expected every site of the rollout to " + action
          + " to be in your regions " + user.get().regions().stream().sorted().toList() + ", but " + outside
          + " are not");
    }
  }
}
