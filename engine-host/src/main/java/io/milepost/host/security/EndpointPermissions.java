package io.milepost.host.security;

import static io.milepost.host.security.Permission.*;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

/**
 * Which permission each endpoint of the API ({@code /v2}, {@code /api}, {@code /actuator}) and each acting
 * page needs. The first rule that matches decides; an API endpoint no rule names needs
 * {@link Permission#ADMINISTER}, so a new endpoint is closed until someone opens it here on purpose.
 */
final class EndpointPermissions {

  /** Anonymous callers may ask for the health status (details need admin, see application.yaml). */
  private static final List<String> PUBLIC = List.of("/actuator/health", "/actuator/health/**");

  private static final AntPathMatcher PATHS = new AntPathMatcher();

  private record Rule(HttpMethod method, String pattern, Permission permission) {
    boolean matches(HttpMethod requestMethod, String path) {
      return (method == null || method.equals(requestMethod)) && PATHS.match(pattern, path);
    }
  }

  private static final HttpMethod GET = HttpMethod.GET;
  private static final HttpMethod POST = HttpMethod.POST;

  private static final List<Rule> RULES = List.of(
      rule(GET, "/v2/topology", TOPOLOGY),
      rule(GET, "/v2/status", TOPOLOGY),
      rule(GET, "/v2/license", TOPOLOGY),
      rule(POST, "/v2/deployments", DEPLOY),
      rule(POST, "/v2/resources/*/deletion", DEPLOY),
      rule(POST, "/v2/process-instances", CREATE_INSTANCE),
      rule(POST, "/v2/process-instances/*/cancellation", OPERATE_INSTANCE),
      rule(POST, "/v2/process-instances/*/modification", OPERATE_INSTANCE),
      rule(POST, "/v2/process-instances/*/migration", OPERATE_INSTANCE),
      rule(HttpMethod.PUT, "/v2/element-instances/*/variables", OPERATE_INSTANCE),
      rule(POST, "/v2/incidents/*/resolution", RESOLVE_INCIDENT),
      rule(POST, "/v2/jobs/activation", WORK_JOBS),
      rule(POST, "/v2/jobs/*/completion", WORK_JOBS),
      rule(POST, "/v2/jobs/*/failure", WORK_JOBS),
      rule(POST, "/v2/jobs/*/error", WORK_JOBS),
      rule(HttpMethod.PATCH, "/v2/jobs/*", UPDATE_JOB),
      rule(POST, "/v2/messages/publication", PUBLISH_MESSAGE),
      rule(POST, "/v2/messages/correlation", PUBLISH_MESSAGE),
      rule(POST, "/v2/signals/broadcast", BROADCAST_SIGNAL),
      rule(POST, "/v2/decision-definitions/evaluation", EVALUATE_DECISION),
      // User tasks: an associate's site confinement is applied on top (UserTaskSiteGuard, SiteConfinedUserTasks).
      rule(POST, "/v2/user-tasks/search", READ_USER_TASKS),
      rule(POST, "/v2/user-tasks/*/variables/search", READ_USER_TASKS),
      rule(GET, "/v2/user-tasks/**", READ_USER_TASKS),
      rule(POST, "/v2/user-tasks/*/assignment", WORK_USER_TASKS),
      rule(HttpMethod.DELETE, "/v2/user-tasks/*/assignee", WORK_USER_TASKS),
      rule(POST, "/v2/user-tasks/*/completion", WORK_USER_TASKS),
      rule(GET, "/v2/forms/**", READ_USER_TASKS),
      rule(GET, "/v2/process-definitions/**", READ_INSTANCES),
      rule(POST, "/v2/process-definitions/**/search", READ_INSTANCES),
      rule(POST, "/v2/process-definitions/**/statistics/**", READ_INSTANCES),
      rule(GET, "/v2/process-instances/**", READ_INSTANCES),
      rule(POST, "/v2/process-instances/**/search", READ_INSTANCES),
      rule(POST, "/v2/process-instances/**/statistics/**", READ_INSTANCES),
      rule(GET, "/v2/element-instances/**", READ_INSTANCES),
      rule(POST, "/v2/element-instances/**/search", READ_INSTANCES),
      rule(GET, "/v2/incidents/**", READ_INSTANCES),
      rule(POST, "/v2/incidents/**/search", READ_INSTANCES),
      rule(GET, "/v2/variables/**", READ_INSTANCES),
      rule(POST, "/v2/variables/**/search", READ_INSTANCES),
      rule(GET, "/v2/**", READ_ALL),
      rule(POST, "/v2/**/search", READ_ALL),
      // A site's data (slotting, ...) is process configuration: who may deploy models may change it.
      rule(HttpMethod.PUT, "/api/sites/*/data/*", DEPLOY),
      rule(GET, "/api/sites/**", READ_SITES),
      rule(GET, "/api/inventory/**", READ_SITES),
      rule(GET, "/api/step-records/**", READ_INSTANCES),
      rule(GET, "/api/plugins/**", READ_PLUGINS),
      rule(POST, "/api/plugins/**", UPLOAD_PLUGIN),
      rule(GET, "/api/rollouts/**", READ_ROLLOUTS),
      rule(null, "/api/rollouts/**", STEER_ROLLOUTS),
      rule(GET, "/api/insights/**", READ_INSIGHTS),
      rule(GET, "/api/audit/**", READ_AUDIT),
      rule(GET, "/api/actions/**", READ_AUDIT));

  /**
   * The one place that decides which page needs which permission: the same permission as the API call the page
   * stands for. The first rule that matches decides; a page no rule names needs only a signed-in user.
   */
  private static final List<Rule> PAGE_RULES = List.of(
      rule(null, "/operations/deploy", DEPLOY),
      rule(POST, "/operations/instances/*/incidents/*/retry", RESOLVE_INCIDENT),
      rule(POST, "/operations/instances/*/variables", OPERATE_INSTANCE),
      rule(POST, "/operations/instances/*/cancel", OPERATE_INSTANCE),
      rule(GET, "/operations/**", READ_INSTANCES),
      rule(null, "/operations/**", ADMINISTER),
      rule(GET, "/tasks/**", READ_USER_TASKS),
      rule(null, "/tasks/**", WORK_USER_TASKS),
      rule(GET, "/plugins/**", READ_PLUGINS),
      rule(null, "/plugins/**", UPLOAD_PLUGIN),
      rule(GET, "/rollouts/**", READ_ROLLOUTS),
      rule(null, "/rollouts/**", STEER_ROLLOUTS),
      rule(GET, "/network/**", READ_SITES),
      rule(GET, "/audit/**", READ_AUDIT),
      rule(GET, "/insights/**", READ_INSIGHTS));

  private EndpointPermissions() {}

  private static Rule rule(HttpMethod method, String pattern, Permission permission) {
    return new Rule(method, pattern, permission);
  }

  /** The permission a page request needs, or empty when any signed-in user may see it. */
  static Optional<Permission> requiredForPage(HttpMethod method, String path) {
    return PAGE_RULES.stream().filter(rule -> rule.matches(method, path)).map(Rule::permission).findFirst();
  }

  /** The permission an API request needs, or empty for the public health endpoint. */
  static Optional<Permission> required(HttpMethod method, String path) {
    if (PUBLIC.stream().anyMatch(pattern -> PATHS.match(pattern, path))) {
      return Optional.empty();
    }
    return Optional.of(RULES.stream().filter(rule -> rule.matches(method, path)).map(Rule::permission).findFirst()
        .orElse(ADMINISTER));
  }
}
