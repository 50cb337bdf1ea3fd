package io.milepost.host.rollout;

import io.milepost.host.api.ApiException;
import io.milepost.host.audit.Actors;
import io.milepost.host.rollout.RolloutInsights.Insights;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/rollouts}: create, list, show, advance, pause, resume, roll back, and a rollout's insights. */
@RestController
@RequestMapping("/api/rollouts")
final class RolloutController {

  private final Rollouts rollouts;
  private final RolloutViews views;
  private final RolloutInsights insights;
  private final Clock clock;

  RolloutController(Rollouts rollouts, RolloutViews views, RolloutInsights insights) {
    this.rollouts = rollouts;
    this.views = views;
    this.insights = insights;
    this.clock = rollouts.clock();
  }

  @PostMapping
  ResponseEntity<RolloutView> create(@RequestBody RolloutRequest request, Principal principal) {
    Rollout rollout = answer(() -> rollouts.create(request, Actors.of(principal)));
    return ResponseEntity.status(HttpStatus.CREATED).body(views.view(rollout, clock.instant()));
  }

  @GetMapping
  List<RolloutView> all() {
    return rollouts.all().stream().map(rollout -> views.view(rollout, clock.instant())).toList();
  }

  @GetMapping("/{id}")
  RolloutView one(@PathVariable String id) {
    return views.view(require(id), clock.instant());
  }

  @GetMapping("/{id}/insights")
  Insights insights(@PathVariable String id) {
    return insights.of(require(id), clock.instant());
  }

  @PostMapping("/{id}/advance")
  RolloutView advance(@PathVariable String id, @RequestBody(required = false) ActionRequest body, Principal principal) {
    return views.view(answer(() -> rollouts.advance(id, Actors.of(principal), reason(body))), clock.instant());
  }

  @PostMapping("/{id}/pause")
  RolloutView pause(@PathVariable String id, @RequestBody(required = false) ActionRequest body, Principal principal) {
    return views.view(answer(() -> rollouts.pause(id, Actors.of(principal), reason(body))), clock.instant());
  }

  @PostMapping("/{id}/resume")
  RolloutView resume(@PathVariable String id, @RequestBody(required = false) ActionRequest body, Principal principal) {
    return views.view(answer(() -> rollouts.resume(id, Actors.of(principal), reason(body))), clock.instant());
  }

  @PostMapping("/{id}/rollback")
  RolloutView rollback(@PathVariable String id, @RequestBody(required = false) ActionRequest body,
      Principal principal) {
    return views.view(answer(() -> rollouts.rollback(id, Actors.of(principal), reason(body))), clock.instant());
  }

  /** An optional body of the actions: why, for the audit log. */
  record ActionRequest(String reason) {}

  private static String reason(ActionRequest body) {
    return body == null ? null : body.reason();
  }

  private Rollout require(String id) {
    return rollouts.find(id).orElseThrow(() -> ApiException.notFound("Expected a rollout with id '" + id
        + "', but there is none"));
  }

  private static Rollout answer(Supplier<Rollout> action) {
    try {
      return action.get();
    } catch (RolloutRefusedException refused) {
      throw switch (refused.kind()) {
        case INVALID -> ApiException.invalidArgument(refused.getMessage());
        case NOT_FOUND -> ApiException.notFound(refused.getMessage());
        case CONFLICT -> new ApiException(HttpStatus.CONFLICT, "CONFLICT", refused.getMessage());
        case FORBIDDEN -> new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", refused.getMessage());
      };
    }
  }
}
