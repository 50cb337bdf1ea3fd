package io.milepost.host.site;

import io.milepost.plugin.api.BuildingType;
import java.util.Map;

/**
 * A site as {@code GET /api/sites} shows it.
 *
 * @param plugins plugin id to the version the site runs (the highest, should a site run two versions of
 *     one plugin for different steps)
 * @param jobTypes job type to the plugin version that runs it
 */
record SiteResponse(String id, String name, BuildingType buildingType, String region, Map<String, String> plugins,
    Map<String, StepPlugin> jobTypes) {

  record StepPlugin(String pluginId, String pluginVersion) {}
}
