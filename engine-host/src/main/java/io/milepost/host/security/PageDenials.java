package io.milepost.host.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A page refused by {@link EndpointPermissions}: status 403 and the error page, which names the missing
 * permission from the request attribute {@value #FORBIDDEN_ATTRIBUTE}.
 */
final class PageDenials implements AccessDeniedHandler {

  static final String FORBIDDEN_ATTRIBUTE = "forbidden";

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    if (denied instanceof AuthorizationDeniedException authorization
        && authorization.getAuthorizationResult() instanceof PermissionDecision decision) {
      request.setAttribute(FORBIDDEN_ATTRIBUTE, decision.permission().name());
    }
    response.sendError(HttpServletResponse.SC_FORBIDDEN);
  }
}
