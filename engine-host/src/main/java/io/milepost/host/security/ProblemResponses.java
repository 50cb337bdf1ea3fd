package io.milepost.host.security;

import io.milepost.host.api.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's answers to callers it does not let in, as {@code application/problem+json} like every other
 * API error (the official client turns that into a {@code ProblemException} with the detail): 401 without
 * valid credentials, 429 while a user is refused after failed logins, 403 naming the missing permission.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AuthenticationMethod method;
  private final CurrentUser currentUser;

  ProblemResponses(AuthenticationMethod method, CurrentUser currentUser) {
    this.method = method;
    this.currentUser = currentUser;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    if (failure instanceof LoginRefusedException refused) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, refused.retryAfter().toSeconds())));
      write(request, response, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS", refused.getMessage());
      return;
    }
    boolean bearer = method == AuthenticationMethod.OIDC;
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, bearer ? "Bearer" : "Basic realm=\"milepost\"");
    String expected = bearer ? "a valid bearer token (Authorization: Bearer ...)"
        : "valid credentials (HTTP basic, Authorization: Basic ...)";
    String found = request.getHeader(HttpHeaders.AUTHORIZATION) == null ? "the request had none"
        : "they were refused: " + failure.getMessage();
    write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "Expected " + expected + ", but " + found);
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    String detail;
    if (denied instanceof CsrfException) {
      detail = "Expected the page's CSRF token (header X-CSRF-TOKEN) with a request signed in by the login form,"
          + " but it was missing or wrong";
    } else if (denied instanceof AuthorizationDeniedException authorization
        && authorization.getAuthorizationResult() instanceof PermissionDecision decision) {
      detail = missingPermission(decision.permission(), request.getMethod() + " " + EndpointAuthorization.pathOf(request));
    } else {
      detail = "Access denied: " + denied.getMessage();
    }
    write(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN", detail);
  }

  private String missingPermission(Permission permission, String call) {
    String who = currentUser.find()
        .map(user -> "user '" + user.username() + "' with roles " + user.roles().stream().map(Role::configName).sorted()
            .toList())
        .orElse("the caller");
    return "Expected permission " + permission + " for " + call + ", but " + who + " does not have it";
  }

  private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
      String detail) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    ApiProblem problem = new ApiProblem("about:blank", title, status.value(), detail, request.getRequestURI());
    JSON.writeValue(response.getOutputStream(), problem);
  }
}
