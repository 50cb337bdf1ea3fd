package io.milepost.host.web;

import io.milepost.host.security.Permission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Which permission each page needs (the same permissions as the API's endpoints): the login lets anyone known
 * in, this lets them see only what their role may. A page no rule names is open to every signed-in user.
 */
@Configuration(proxyBeanMethods = false)
class PageAccess implements WebMvcConfigurer {

  private static final AntPathMatcher PATHS = new AntPathMatcher();

  private record Rule(String method, String pattern, Permission permission) {}

  private static final List<Rule> RULES = List.of(
      new Rule("GET", "/tasks/**", Permission.READ_USER_TASKS),
      new Rule("POST", "/tasks/**", Permission.WORK_USER_TASKS),
      new Rule("GET", "/operations/deploy", Permission.DEPLOY),
      new Rule("POST", "/operations/deploy", Permission.DEPLOY),
      new Rule("POST", "/operations/instances/*/incidents/*/retry", Permission.RESOLVE_INCIDENT),
      new Rule("POST", "/operations/instances/*/variables", Permission.OPERATE_INSTANCE),
      new Rule("POST", "/operations/instances/*/cancel", Permission.OPERATE_INSTANCE),
      new Rule("GET", "/operations/**", Permission.READ_INSTANCES),
      new Rule("GET", "/network", Permission.READ_SITES),
      new Rule("GET", "/plugins", Permission.READ_PLUGINS),
      new Rule("POST", "/plugins", Permission.UPLOAD_PLUGIN),
      new Rule("GET", "/rollouts/**", Permission.READ_ROLLOUTS),
      new Rule("GET", "/rollouts", Permission.READ_ROLLOUTS),
      new Rule("POST", "/rollouts/**", Permission.STEER_ROLLOUTS),
      new Rule("POST", "/rollouts", Permission.STEER_ROLLOUTS),
      new Rule("GET", "/audit", Permission.READ_AUDIT));

  private final PageUsers users;

  PageAccess(PageUsers users) {
    this.users = users;
  }

  static Optional<Permission> required(String method, String path) {
    return RULES.stream().filter(rule -> rule.method().equals(method) && PATHS.match(rule.pattern(), path))
        .map(Rule::permission).findFirst();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        required(request.getMethod(), request.getRequestURI().substring(request.getContextPath().length()))
            .filter(permission -> !users.current().may(permission))
            .ifPresent(permission -> {
              throw new PageForbiddenException(permission);
            });
        return true;
      }
    }).addPathPatterns("/tasks/**", "/tasks", "/operations/**", "/network", "/plugins", "/rollouts", "/rollouts/**",
        "/audit");
  }
}
