package io.milepost.host.web;

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
    return new PageUser(principal.getName(), roles, Set.of());
  }
}
