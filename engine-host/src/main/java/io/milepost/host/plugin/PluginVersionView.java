package io.milepost.host.plugin;

import io.milepost.plugin.api.BuildingType;
import java.time.Instant;
import java.util.List;

/**
 * A plugin version as {@code /api/plugins} shows it.
 *
 * @param uploadedBy who uploaded it; null for a version bundled with the host or dropped into the plugins dir
 * @param sites every site and job type that runs it now
 */
public record PluginVersionView(String pluginId, String version, String sha256, List<String> jobTypes,
    List<BuildingType> buildingTypes, String uploadedBy, Instant uploadedAt, boolean withdrawn, List<SiteStep> sites,
    boolean loaded) {

  public record SiteStep(String siteId, String jobType) {}
}
