package io.milepost.host.web.rollout;

import io.milepost.host.insight.InsightQuery;
import io.milepost.host.insight.StepInsight;
import io.milepost.host.insight.StepInsights;
import io.milepost.host.rollout.Rollouts;
import io.milepost.plugin.api.Site;
import io.milepost.host.site.SiteAssignment;
import io.milepost.host.site.SiteAssignments;
import io.milepost.host.site.SiteDirectory;
import io.milepost.host.web.PageNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /insights/{siteId}/{jobType}}: one step at one site, any time, not only during a rollout: count, failure
 * rate, p95 duration and each measure per minute, the version the site runs now against the versions before it
 * (before against after its last version change), over the last hours the user picks.
 */
@Controller
final class StepChartsPageController {

  static final Set<Integer> WINDOWS = Set.of(1, 6, 24, 168);

  private final SiteDirectory sites;
  private final SiteAssignments assignments;
  private final StepInsights insights;
  private final InsightSeries series;
  private final Rollouts rollouts;
  private final MessageSource messages;

  StepChartsPageController(SiteDirectory sites, SiteAssignments assignments, StepInsights insights,
      InsightSeries series, Rollouts rollouts, MessageSource messages) {
    this.messages = messages;
    this.sites = sites;
    this.assignments = assignments;
    this.insights = insights;
    this.series = series;
    this.rollouts = rollouts;
  }

  /** The figures of the current version and of those before it, over the window. */
  record Comparison(String current, Figures after, Figures before) {}

  /** Several sites' or versions' rows merged: counts add up, the failure rate is weighted, p95 is the worst. */
  record Figures(long count, double failureRate, Double p95Ms) {
    static Figures of(List<StepInsight> rows) {
      long count = rows.stream().mapToLong(StepInsight::count).sum();
      double failed = rows.stream().mapToDouble(row -> row.failureRate() * row.count()).sum();
      Double p95 = rows.stream().map(StepInsight::p95Ms).filter(value -> value != null).max(Double::compare)
          .orElse(null);
      return new Figures(count, count == 0 ? 0 : failed / count, p95);
    }
  }

  @GetMapping("/insights/{siteId}/{jobType}")
  String step(@PathVariable String siteId, @PathVariable String jobType,
      @RequestParam(defaultValue = "24") int hours, Model model) {
    Site site = site(siteId);
    int window = WINDOWS.contains(hours) ? hours : 24;
    String current = assignments.find(siteId, jobType).map(StepChartsPageController::version).orElse(null);
    Instant now = rollouts.clock().instant();
    List<StepInsight> rows = insights.query(new InsightQuery(jobType, siteId, null,
        now.minus(Duration.ofHours(window)), now, null));
    model.addAttribute("site", site);
    model.addAttribute("jobType", jobType);
    model.addAttribute("hours", window);
    model.addAttribute("windows", WINDOWS.stream().sorted().toList());
    model.addAttribute("comparison", new Comparison(current,
        Figures.of(rows.stream().filter(row -> version(row).equals(current)).toList()),
        Figures.of(rows.stream().filter(row -> !version(row).equals(current)).toList())));
    return "rollout/step";
  }

  @GetMapping(path = "/insights/{siteId}/{jobType}/series", produces = "application/json")
  @ResponseBody
  InsightSeries.Series chart(@PathVariable String siteId, @PathVariable String jobType,
      @RequestParam(defaultValue = "24") int hours) {
    site(siteId);
    int window = WINDOWS.contains(hours) ? hours : 24;
    String current = assignments.find(siteId, jobType).map(StepChartsPageController::version).orElse("");
    Instant now = rollouts.clock().instant();
    return series.of(jobType, siteId, now.minus(Duration.ofHours(window)), now, current,
        row -> version(row).equals(current),
        messages.getMessage("step.earlier", null, LocaleContextHolder.getLocale()));
  }

  private Site site(String siteId) {
    return sites.find(siteId).orElseThrow(() -> new PageNotFoundException("Expected a site with id '" + siteId
        + "', but there is none"));
  }

  private static String version(SiteAssignment assignment) {
    return assignment.plugin().pluginId() + " " + assignment.plugin().version();
  }

  private static String version(StepInsight row) {
    return row.pluginId() + " " + row.pluginVersion();
  }
}
