package io.milepost.host.web;

import io.milepost.host.security.MilepostUser;
import io.milepost.host.security.Permission;
import java.util.Set;

/** Who looks at a page, as the pages ask it: name, what they may do, which sites' work they see. */
public record PageUser(MilepostUser account) {

  public String name() {
    return account.username();
  }

  public boolean may(Permission permission) {
    return account.may(permission);
  }

  /** Admins and engineers see every site's tasks; others only their own sites'. */
  public boolean seesAllSites() {
    return !account.confinedToSites();
  }

  public boolean seesSite(String siteId) {
    return account.mayAccessSite(siteId);
  }

  public Set<String> siteIds() {
    return account.sites();
  }

  public boolean mayAccessRegion(String region) {
    return account.mayAccessRegion(region);
  }
}
