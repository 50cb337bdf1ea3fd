package io.milepost.host.web;

import java.util.Set;

/**
 * Who looks at a page: their name, roles and the sites whose work they may see.
 *
 * @param siteIds the sites they may see; empty means every site
 */
public record PageUser(String name, Set<Role> roles, Set<String> siteIds) {

  public enum Role { ADMIN, ENGINEER, LEADER, ASSOCIATE }

  public boolean may(Role role) {
    return roles.contains(Role.ADMIN) || roles.contains(role);
  }

  public boolean seesAllSites() {
    return siteIds.isEmpty();
  }

  public boolean seesSite(String siteId) {
    return seesAllSites() || siteIds.contains(siteId);
  }
}
