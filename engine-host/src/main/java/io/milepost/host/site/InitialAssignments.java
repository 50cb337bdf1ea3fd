package io.milepost.host.site;

import io.milepost.host.plugin.PluginCatalog;
import io.milepost.host.plugin.PluginCoordinates;
import io.milepost.host.plugin.PluginVersion;
import io.milepost.host.site.SiteProperties.SiteDefinition;
import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.Site;
import io.milepost.plugin.api.StepHandler;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills in the assignments {@code milepost.sites} asks for where a site has none yet for a job type.
 *
 * <p>Only missing rows are written: once a site runs a version for a step, only a rollout changes it,
 * so a restart with a newer bundled plugin or an edited configuration does not move sites silently.
 */
final class InitialAssignments {

  private static final Logger LOG = LoggerFactory.getLogger(InitialAssignments.class);
  private static final String LATEST = "latest";

  private final PluginCatalog catalog;
  private final SiteAssignments assignments;

  InitialAssignments(PluginCatalog catalog, SiteAssignments assignments) {
    this.catalog = catalog;
    this.assignments = assignments;
  }

  /** The plugin a site of this building type runs when its configuration names none. */
  static String defaultPluginId(BuildingType buildingType) {
    return buildingType.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  void seed(SiteDefinition definition, Site site) {
    // Per-step choices first: assignIfAbsent then keeps them when the whole plugin is assigned below.
    definition.steps().forEach((jobType, spec) -> seedStep(site, jobType, spec));
    Map<String, String> plugins = definition.plugins().isEmpty() && definition.steps().isEmpty()
        ? Map.of(defaultPluginId(site.buildingType()), LATEST)
        : definition.plugins();
    plugins.forEach((pluginId, version) -> resolve(site, pluginId, version).ifPresent(plugin ->
        plugin.jobTypes().stream().sorted().forEach(jobType -> assign(site, jobType, plugin))));
  }

  private void seedStep(Site site, String jobType, String spec) {
    int at = spec.indexOf('@');
    String pluginId = at < 0 ? spec.trim() : spec.substring(0, at).trim();
    String version = at < 0 ? LATEST : spec.substring(at + 1).trim();
    resolve(site, pluginId, version).ifPresent(plugin -> {
      if (plugin.handler(jobType).isEmpty()) {
        LOG.warn("Site {} is configured to run {} for '{}', but that plugin version has no handler for it; it handles {}",
            site.id(), plugin.coordinates(), jobType, plugin.jobTypes());
        return;
      }
      assign(site, jobType, plugin);
    });
  }

  private Optional<PluginVersion> resolve(Site site, String pluginId, String version) {
    boolean latest = version == null || version.isBlank() || version.equalsIgnoreCase(LATEST);
    Optional<PluginVersion> plugin = latest
        ? catalog.latest(pluginId)
        : catalog.find(new PluginCoordinates(pluginId, version.trim()));
    if (plugin.isEmpty()) {
      LOG.warn("Site {} is configured to run plugin {} {}, but it is not loaded; loaded are {}", site.id(), pluginId,
          latest ? "(latest)" : version, catalog.versions().stream().map(PluginVersion::coordinates).toList());
    }
    return plugin;
  }

  private void assign(Site site, String jobType, PluginVersion plugin) {
    StepHandler handler = plugin.handler(jobType).orElseThrow();
    if (!runsAt(handler, site, plugin)) {
      return;
    }
    if (assignments.assignIfAbsent(site.id(), jobType, plugin.coordinates())) {
      LOG.info("Site {} runs {} for '{}'", site.id(), plugin.coordinates(), jobType);
    }
  }

  private static boolean runsAt(StepHandler handler, Site site, PluginVersion plugin) {
    try {
      if (handler.buildingTypes().contains(site.buildingType())) {
        return true;
      }
      LOG.info("Site {} does not run {} for '{}': the handler is for {}, the site is a {}", site.id(),
          plugin.coordinates(), handler.jobType(), handler.buildingTypes(), site.buildingType());
      return false;
    } catch (RuntimeException e) {
      LOG.warn("Site {} does not run {}: its buildingTypes() threw {}", site.id(), plugin.coordinates(), e.toString());
      return false;
    }
  }
}
