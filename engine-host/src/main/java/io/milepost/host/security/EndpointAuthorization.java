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

/** Grants an API request when the caller's roles hold the permission {@link EndpointPermissions} names for it. */
final class EndpointAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

  @Override
  public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
      RequestAuthorizationContext context) {
    HttpServletRequest request = context.getRequest();
    Optional<Permission> required = EndpointPermissions.required(HttpMethod.valueOf(request.getMethod()),
        pathOf(request));
    if (required.isEmpty()) {
      return new AuthorizationDecision(true);
    }
    Permission permission = required.get();
    boolean granted = CurrentUser.of(authentication.get()).map(user -> user.may(permission)).orElse(false);
    return new PermissionDecision(granted, permission);
  }

  static String pathOf(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
