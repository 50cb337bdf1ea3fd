package io.milepost.host.plugin;

import io.milepost.host.plugin.PluginVersionView.SiteStep;
import io.milepost.host.site.SiteAssignments;
import java.util.List;
import java.util.Optional;

/** Describes loaded plugin versions with their checksum, upload, withdrawal and the sites that run them. */
public final class PluginVersionViews {

  private final PluginCatalog catalog;
  private final PluginRegistry registry;
  private final PluginUploads uploads;
  private final SiteAssignments assignments;

  PluginVersionViews(PluginCatalog catalog, PluginRegistry registry, PluginUploads uploads,
      SiteAssignments assignments) {
    this.catalog = catalog;
    this.registry = registry;
    this.uploads = uploads;
    this.assignments = assignments;
  }

  public List<PluginVersionView> all() {
    return catalog.versions().stream().map(this::view).toList();
  }

  public Optional<PluginVersionView> find(PluginCoordinates coordinates) {
    return catalog.find(coordinates).map(this::view);
  }

  public PluginVersionView view(PluginVersion version) {
    Optional<UploadRecord> upload = registry.upload(version.coordinates());
    return new PluginVersionView(version.pluginId(), version.version(), uploads.storedSha256(version),
        version.jobTypes().stream().sorted().toList(), version.buildingTypes().stream().sorted().toList(),
        upload.map(UploadRecord::uploadedBy).orElse(null), upload.map(UploadRecord::uploadedAt).orElse(null),
        registry.withdrawn(version.coordinates()),
        assignments.runningOn(version.coordinates()).stream()
            .map(running -> new SiteStep(running.siteId(), running.jobType())).toList());
  }
}
