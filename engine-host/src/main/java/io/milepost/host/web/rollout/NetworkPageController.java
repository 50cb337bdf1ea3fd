package io.milepost.host.web.rollout;

import io.milepost.host.site.SiteAssignment;
import io.milepost.host.site.SiteAssignments;
import io.milepost.host.site.SiteDirectory;
import io.milepost.plugin.api.Site;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /network}: the sites by region and building type, with the plugin version each runs per step. */
@Controller
final class NetworkPageController {

  private final SiteDirectory sites;
  private final SiteAssignments assignments;

  NetworkPageController(SiteDirectory sites, SiteAssignments assignments) {
    this.sites = sites;
    this.assignments = assignments;
  }

  /** One site with its plugin version per job type. */
  public record SiteRow(Site site, Map<String, String> versionByStep) {}

  @GetMapping("/network")
  String network(Model model) {
    Map<String, List<SiteRow>> byRegion = new TreeMap<>();
    TreeSet<String> steps = new TreeSet<>();
    for (Site site : sites.all()) {
      Map<String, String> versions = new TreeMap<>();
      for (SiteAssignment assignment : assignments.forSite(site.id())) {
        versions.put(assignment.jobType(), assignment.plugin().pluginId() + " " + assignment.plugin().version());
        steps.add(assignment.jobType());
      }
      byRegion.computeIfAbsent(site.region(), region -> new java.util.ArrayList<>()).add(new SiteRow(site, versions));
    }
    byRegion.values().forEach(rows -> rows.sort(java.util.Comparator.comparing(row -> row.site().buildingType())));
    model.addAttribute("regions", byRegion);
    model.addAttribute("steps", steps);
    return "rollout/network";
  }
}
