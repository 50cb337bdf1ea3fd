package io.milepost.host.plugin;

import io.milepost.host.plugin.PluginVersionView.SiteStep;
import io.milepost.host.site.SiteAssignments;
import io.milepost.plugin.api.BuildingType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Describes plugin versions (loaded or resting) with their checksum, upload, withdrawal and the sites that run them. */
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

  /** Loaded and resting versions (resting: unloaded while unused, loaded again when assigned). */
  public List<PluginVersionView> all() {
    List<PluginVersionView> views = new ArrayList<>(catalog.versions().stream().map(this::view).toList());
    catalog.resting().forEach(resting -> views.add(view(resting)));
    views.sort(Comparator.comparing(PluginVersionView::pluginId));
    return views;
  }

  /** Describes the version without loading a resting one. */
  public Optional<PluginVersionView> find(PluginCoordinates coordinates) {
    return catalog.findResting(coordinates).map(this::view).or(() -> catalog.find(coordinates).map(this::view));
  }

  public PluginVersionView view(PluginVersion version) {
    return view(version.coordinates(), version.jar(), version.jobTypes(), version.buildingTypes(), true);
  }

  private PluginVersionView view(PluginCatalog.Resting resting) {
    return view(resting.coordinates(), resting.jar(), resting.jobTypes(), resting.buildingTypes(), false);
  }

  private PluginVersionView view(PluginCoordinates coordinates, Path jar, Set<String> jobTypes,
      Set<BuildingType> buildingTypes, boolean loaded) {
    Optional<UploadRecord> upload = registry.upload(coordinates);
    return new PluginVersionView(coordinates.pluginId(), coordinates.version(), uploads.storedSha256(coordinates, jar),
        jobTypes.stream().sorted().toList(), buildingTypes.stream().sorted().toList(),
        upload.map(UploadRecord::uploadedBy).orElse(null), upload.map(UploadRecord::uploadedAt).orElse(null),
        registry.withdrawn(coordinates),
        assignments.runningOn(coordinates).stream()
            .map(running -> new SiteStep(running.siteId(), running.jobType())).toList(), loaded);
  }
}
