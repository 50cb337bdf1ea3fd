package io.milepost.host.step;

import io.milepost.host.plugin.PluginCatalog;
import io.milepost.host.plugin.PluginVersion;
import io.milepost.host.site.SiteAssignment;
import io.milepost.host.site.SiteAssignments;
import io.milepost.host.site.SiteDirectory;
import io.milepost.plugin.api.Site;
import io.milepost.plugin.api.StepHandler;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the plugin version that runs a job: the job's {@code siteId} variable names the site, the
 * site's assignment for the job type names the plugin version.
 */
final class StepRouter {

  static final String SITE_VARIABLE = "siteId";

  /** Where a job goes, or why it can go nowhere. */
  sealed interface Route {
    record Routed(Site site, PluginVersion plugin, StepHandler handler) implements Route {}

    /** @param siteId the job's site if it named a known one, else null */
    record Unroutable(String siteId, String message) implements Route {}
  }

  private final SiteDirectory sites;
  private final SiteAssignments assignments;
  private final PluginCatalog catalog;

  StepRouter(SiteDirectory sites, SiteAssignments assignments, PluginCatalog catalog) {
    this.sites = sites;
    this.assignments = assignments;
    this.catalog = catalog;
  }

  Route route(long jobKey, String jobType, Map<String, Object> variables) {
    String job = "Job " + jobKey + " of type '" + jobType + "'";
    Object siteId = variables.get(SITE_VARIABLE);
    if (siteId == null) {
      return new Route.Unroutable(null, job + " has no variable '" + SITE_VARIABLE
          + "'; map the step's site into " + SITE_VARIABLE + " with an input mapping");
    }
    if (!(siteId instanceof String id) || id.isBlank()) {
      return new Route.Unroutable(null, job + " has " + SITE_VARIABLE + " " + siteId + " ("
          + siteId.getClass().getSimpleName() + "), but expected a site id such as 'fc-west-1'");
    }
    Optional<Site> site = sites.find(id);
    if (site.isEmpty()) {
      return new Route.Unroutable(null, job + " names site '" + id + "' in " + SITE_VARIABLE
          + ", but there is no such site; the sites are " + sites.all().stream().map(Site::id).toList());
    }
    Optional<SiteAssignment> assignment = assignments.find(id, jobType);
    if (assignment.isEmpty()) {
      return new Route.Unroutable(id, job + ": site '" + id + "' runs no plugin for job type '" + jobType
          + "'; it runs " + assignments.forSite(id).stream().map(a -> a.jobType() + "=" + a.plugin()).toList()
          + "; assign a plugin version to the site for this step");
    }
    Optional<PluginVersion> plugin = catalog.find(assignment.get().plugin());
    if (plugin.isEmpty()) {
      return new Route.Unroutable(id, job + ": site '" + id + "' runs " + assignment.get().plugin()
          + " for it, but that plugin version is not loaded; loaded are "
          + catalog.versions().stream().map(PluginVersion::coordinates).toList());
    }
    Optional<StepHandler> handler = plugin.get().handler(jobType);
    if (handler.isEmpty()) {
      return new Route.Unroutable(id, job + ": site '" + id + "' runs " + plugin.get().coordinates()
          + " for it, but that plugin version has no handler for it; it handles " + plugin.get().jobTypes());
    }
    if (!plugin.get().serves(jobType, site.get().buildingType())) {
      return new Route.Unroutable(id, job + ": site '" + id + "' runs " + plugin.get().coordinates()
          + " for it, but that version serves it only at " + plugin.get().buildingTypes() + " and the site is a "
          + site.get().buildingType());
    }
    return new Route.Routed(site.get(), plugin.get(), handler.get());
  }
}
