package io.milepost.host.web.rollout;

import io.milepost.host.web.PageWatches;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import io.milepost.host.plugin.PluginVersionView;
import io.milepost.host.plugin.PluginVersionViews;
import io.milepost.host.rollout.Rollout;
import io.milepost.host.rollout.RolloutInsights;
import io.milepost.host.rollout.RolloutRefusedException;
import io.milepost.host.rollout.RolloutViews;
import io.milepost.host.rollout.Rollouts;
import io.milepost.host.site.SiteDirectory;
import io.milepost.host.web.PageNotFoundException;
import io.milepost.host.web.PageUsers;
import io.milepost.plugin.api.BuildingType;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Rollouts for regional leaders: the list and the form to start one ({@code /rollouts}), one rollout wave by wave
 * with its figures and charts ({@code /rollouts/{id}}), and advance, pause, resume, roll back.
 */
@Controller
final class RolloutsPageController {

  private final Rollouts rollouts;
  private final RolloutViews views;
  private final RolloutInsights insights;
  private final InsightSeries series;
  private final PluginVersionViews plugins;
  private final SiteDirectory sites;
  private final PageUsers users;
  private final PageWatches watches;

  RolloutsPageController(Rollouts rollouts, RolloutViews views, RolloutInsights insights, InsightSeries series,
      PluginVersionViews plugins, SiteDirectory sites, PageUsers users, PageWatches watches) {
    this.watches = watches;
    this.rollouts = rollouts;
    this.views = views;
    this.insights = insights;
    this.series = series;
    this.plugins = plugins;
    this.sites = sites;
    this.users = users;
  }

  @GetMapping("/rollouts")
  String list(Model model) {
    return listPage(RolloutForm.empty(), null, model);
  }

  @PostMapping("/rollouts")
  String start(@ModelAttribute RolloutForm form, Model model) {
    try {
      Rollout rollout = rollouts.create(form.toRequest(), users.current().name());
      return "redirect:/rollouts/" + rollout.id();
    } catch (RolloutRefusedException | IllegalArgumentException refused) {
      return listPage(form, refused.getMessage(), model);
    }
  }

  @GetMapping("/rollouts/{id}")
  String rollout(@PathVariable String id, Model model) {
    Rollout rollout = find(id);
    Instant now = rollouts.clock().instant();
    model.addAttribute("r", views.view(rollout, now));
    model.addAttribute("insights", insights.of(rollout, now));
    return "rollout/rollout";
  }

  /** The chart data of one of the rollout's steps: the new version against every other, per minute. */
  @GetMapping(path = "/rollouts/{id}/series", produces = "application/json")
  @ResponseBody
  InsightSeries.Series chart(@PathVariable String id, @RequestParam String jobType) {
    Rollout rollout = find(id);
    Instant now = rollouts.clock().instant();
    Instant from = rollout.createdAt().minusSeconds(3600);
    String newVersion = rollout.plugin().pluginId() + " " + rollout.plugin().version();
    return series.of(jobType, null, from, now, newVersion,
        row -> rollout.plugin().pluginId().equals(row.pluginId()) && rollout.plugin().version().equals(row.pluginVersion()),
        "other versions");
  }

  /** Server-sent events: {@code changed} when the rollout's state, wave or figures change. */
  @GetMapping(path = "/rollouts/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(@PathVariable String id) {
    find(id);
    return watches.watch("rollout:" + id, () -> views.view(find(id), rollouts.clock().instant()));
  }

  @PostMapping("/rollouts/{id}/{action:advance|pause|resume|rollback}")
  String act(@PathVariable String id, @PathVariable String action, @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    String actor = users.current().name();
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    Supplier<Rollout> command = switch (action) {
      case "advance" -> () -> rollouts.advance(id, actor, why);
      case "pause" -> () -> rollouts.pause(id, actor, why);
      case "resume" -> () -> rollouts.resume(id, actor, why);
      default -> () -> rollouts.rollback(id, actor, why);
    };
    try {
      Rollout rollout = command.get();
      redirect.addFlashAttribute("notice", rollout.state().name());
    } catch (RolloutRefusedException refused) {
      redirect.addFlashAttribute("error", refused.getMessage());
    }
    return "redirect:/rollouts/" + id;
  }

  private String listPage(RolloutForm form, String error, Model model) {
    Instant now = rollouts.clock().instant();
    model.addAttribute("rollouts", rollouts.all().stream().map(rollout -> views.view(rollout, now))
        .sorted(Comparator.comparing((io.milepost.host.rollout.RolloutView view) -> view.createdAt()).reversed())
        .toList());
    model.addAttribute("versions", plugins.all().stream().filter(view -> !view.withdrawn())
        .sorted(Comparator.comparing(PluginVersionView::pluginId).thenComparing(PluginVersionView::version)).toList());
    model.addAttribute("sites", sites.all());
    model.addAttribute("regions", sites.all().stream().map(site -> site.region()).distinct().sorted().toList());
    model.addAttribute("buildingTypes", List.of(BuildingType.values()));
    model.addAttribute("form", form);
    model.addAttribute("error", error);
    return "rollout/rollouts";
  }

  private Rollout find(String id) {
    return rollouts.find(id).orElseThrow(() -> new PageNotFoundException("Expected a rollout with id '" + id
        + "', but there is none"));
  }
}
