package io.milepost.host.web;

import io.milepost.host.security.CurrentUser;
import io.milepost.host.security.MilepostUser;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one place the pages learn who the user is. It asks the servlet request, which Spring Security fills
 * from its SecurityContext (principal, {@code isUserInRole}). Without an authenticated principal (security
 * not configured) the user is the bootstrap {@code demo} admin who sees every site.
 */
@Component
public final class PageUsers {

  static final String ANONYMOUS = "demo";

  private final CurrentUser currentUser;

  PageUsers(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  public PageUser current(HttpServletRequest request) {
    Principal principal = request.getUserPrincipal();
    if (principal == null) {
      return new PageUser(ANONYMOUS, EnumSet.of(PageUser.Role.ADMIN), Set.of());
    }
    Set<PageUser.Role> roles = EnumSet.noneOf(PageUser.Role.class);
    for (PageUser.Role role : PageUser.Role.values()) {
      if (request.isUserInRole(role.name()) || request.isUserInRole(role.name().toLowerCase())) {
        roles.add(role);
      }
    }
    // Security's user carries the sites an associate is confined to; admins and engineers see every site.
    Set<String> sites = currentUser.find().filter(MilepostUser::confinedToSites).map(MilepostUser::sites)
        .orElse(Set.of());
    return new PageUser(principal.getName(), roles, sites);
  }
}
