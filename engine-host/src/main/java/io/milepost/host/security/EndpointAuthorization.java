package io.milepost.host.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Grants a request when the caller's roles hold the permission {@link EndpointPermissions} names for it; a
 * page that needs no particular permission still needs a signed-in user.
 */
final class EndpointAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

  private final boolean pages;

  private EndpointAuthorization(boolean pages) {
    this.pages = pages;
  }

  static EndpointAuthorization api() {
    return new EndpointAuthorization(false);
  }

  static EndpointAuthorization pages() {
    return new EndpointAuthorization(true);
  }

  @Override
  public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
      RequestAuthorizationContext context) {
    HttpServletRequest request = context.getRequest();
    HttpMethod method = HttpMethod.valueOf(request.getMethod());
    Optional<MilepostUser> user = CurrentUser.of(authentication.get());
    if (pages) {
      Optional<Permission> required = EndpointPermissions.requiredForPage(method, pathOf(request));
      return required.isEmpty() ? new AuthorizationDecision(user.isPresent()) : decide(user, required.get());
    }
    Optional<Permission> required = EndpointPermissions.required(method, pathOf(request));
    return required.isEmpty() ? new AuthorizationDecision(true) : decide(user, required.get());
  }

  private static PermissionDecision decide(Optional<MilepostUser> user, Permission permission) {
    return new PermissionDecision(user.map(caller -> caller.may(permission)).orElse(false), permission);
  }

  static String pathOf(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
