package io.milepost.host.site;

import io.milepost.host.api.ApiException;
import io.milepost.host.site.SiteResponse.StepPlugin;
import io.milepost.plugin.api.Site;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pf4j.DefaultVersionManager;
import org.pf4j.VersionManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The sites and which plugin version each runs per job type, read from the assignment store. */
@RestController
@RequestMapping("/api/sites")
final class SiteController {

  private final SiteDirectory sites;
  private final SiteAssignments assignments;
  private final VersionManager versionOrder = new DefaultVersionManager();

  SiteController(SiteDirectory sites, SiteAssignments assignments) {
    this.sites = sites;
    this.assignments = assignments;
  }

  @GetMapping
  List<SiteResponse> all() {
    return sites.all().stream().map(this::response).toList();
  }

  @GetMapping("/{siteId}")
  SiteResponse one(@PathVariable String siteId) {
    return sites.find(siteId).map(this::response).orElseThrow(() -> ApiException.notFound(
        "Expected a site with id '" + siteId + "', but there is none; the sites are "
            + sites.all().stream().map(Site::id).toList()));
  }

  private SiteResponse response(Site site) {
    Map<String, String> plugins = new TreeMap<>();
    Map<String, StepPlugin> jobTypes = new TreeMap<>();
    for (SiteAssignment assignment : assignments.forSite(site.id())) {
      jobTypes.put(assignment.jobType(),
          new StepPlugin(assignment.plugin().pluginId(), assignment.plugin().version()));
      plugins.merge(assignment.plugin().pluginId(), assignment.plugin().version(),
          (a, b) -> versionOrder.compareVersions(a, b) >= 0 ? a : b);
    }
    return new SiteResponse(site.id(), site.name(), site.buildingType(), site.region(), plugins, jobTypes);
  }
}
