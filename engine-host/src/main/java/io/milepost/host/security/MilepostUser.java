package io.milepost.host.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling: a configured user, a token's subject, the host's own step workers, or (method
 * {@code none}) the anonymous developer. Obtain it with {@link CurrentUser}.
 *
 * @param sites the site ids an associate works at (their user tasks are the only ones they see)
 * @param regions the regions a leader steers rollouts in
 */
public record MilepostUser(String username, Set<Role> roles, Set<String> sites, Set<String> regions) {

  public MilepostUser {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    sites = Set.copyOf(new TreeSet<>(sites));
    regions = Set.copyOf(new TreeSet<>(regions));
  }

  public boolean may(Permission permission) {
    return roles.stream().anyMatch(role -> role.permits(permission));
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  /**
   * Whether the user sees only the user tasks of their own sites: true unless a role lets them read
   * every task (admin, engineer).
   */
  public boolean confinedToSites() {
    return !hasRole(Role.ADMIN) && !hasRole(Role.ENGINEER);
  }

  /** Whether the user may see and act on work at {@code siteId} (a user task's site). */
  public boolean mayAccessSite(String siteId) {
    return !confinedToSites() || (siteId != null && sites.contains(siteId));
  }

  /**
   * Whether the user may steer rollouts for a site of {@code region}: admins everywhere, leaders in
   * their regions.
   */
  public boolean mayAccessRegion(String region) {
    return hasRole(Role.ADMIN) || (region != null && regions.contains(region));
  }
}
