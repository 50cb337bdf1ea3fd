package io.milepost.host.sitedata;

import io.milepost.host.plugin.PluginCatalog;
import io.milepost.host.plugin.PluginVersion;
import io.milepost.host.site.SiteAssignment;
import io.milepost.host.site.SiteAssignments;
import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.StepHandler;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The data sets a site's plugins declare: those of the handlers of every plugin version the site runs. */
final class DataSetDeclarations {

  private final SiteAssignments assignments;
  private final PluginCatalog catalog;

  DataSetDeclarations(SiteAssignments assignments, PluginCatalog catalog) {
    this.assignments = assignments;
    this.catalog = catalog;
  }

  /** The site's data sets by name. */
  Map<String, DataSet> of(String siteId) {
    Map<String, DataSet> byName = new TreeMap<>();
    for (SiteAssignment assignment : assignments.forSite(siteId)) {
      Optional<StepHandler> handler = catalog.find(assignment.plugin()).flatMap(plugin -> handlerOf(plugin, assignment));
      handler.ifPresent(found -> found.dataSets().forEach(set -> byName.putIfAbsent(set.name(), set)));
    }
    return byName;
  }

  private static Optional<StepHandler> handlerOf(PluginVersion plugin, SiteAssignment assignment) {
    return plugin.handler(assignment.jobType());
  }
}
