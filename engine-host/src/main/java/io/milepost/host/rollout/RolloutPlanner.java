package io.milepost.host.rollout;

import io.milepost.host.plugin.PluginCatalog;
import io.milepost.host.plugin.PluginCoordinates;
import io.milepost.host.plugin.PluginVersion;
import io.milepost.host.rollout.Rollout.Target;
import io.milepost.host.rollout.Rollout.Wave;
import io.milepost.host.rollout.RolloutRequest.WaveRequest;
import io.milepost.host.site.AssignmentChanges;
import io.milepost.host.site.SiteDirectory;
import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.Site;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a rollout request into a plan, or refuses it with a reason: the target sites, the job types
 * each gets (those of the version's handlers that serve its building type) and the wave that moves each.
 * Nothing is written here.
 */
final class RolloutPlanner {

  private final SiteDirectory sites;
  private final PluginCatalog catalog;
  private final AssignmentChanges changes;

  RolloutPlanner(SiteDirectory sites, PluginCatalog catalog, AssignmentChanges changes) {
    this.sites = sites;
    this.catalog = catalog;
    this.changes = changes;
  }

  Rollout plan(String id, RolloutRequest request, String actor, Instant now) {
    if (request.pluginId() == null || request.version() == null) {
      throw new IllegalArgumentException("Expected pluginId and version of the plugin version to roll out, but found"
          + " pluginId '" + request.pluginId() + "' and version '" + request.version() + "'");
    }
    PluginCoordinates coordinates = new PluginCoordinates(request.pluginId(), request.version());
    PluginVersion plugin = catalog.find(coordinates).orElseThrow(() -> new IllegalArgumentException(
        "Expected a loaded plugin version, but " + coordinates + " is unknown; loaded are "
            + catalog.versions().stream().map(PluginVersion::coordinates).toList()));
    List<Site> targets = targetSites(request, plugin);
    List<Target> planned = new ArrayList<>();
    List<List<String>> waveSites = waveSites(id, request.waves(), targets);
    for (int wave = 0; wave < waveSites.size(); wave++) {
      for (String siteId : waveSites.get(wave)) {
        Site site = sites.find(siteId).orElseThrow();
        for (String jobType : jobTypesAt(plugin, site)) {
          planned.add(new Target(siteId, jobType, wave, null, null));
        }
      }
    }
    List<Wave> waves = new ArrayList<>();
    for (int wave = 0; wave < waveSites.size(); wave++) {
      WaveRequest asked = wave < request.waves().size() ? request.waves().get(wave) : null;
      int bake = asked == null || asked.bakeMinutes() == null ? 0 : asked.bakeMinutes();
      if (bake < 0) {
        throw new IllegalArgumentException("Expected bakeMinutes of 0 or more in wave " + (wave + 1) + ", but it was "
            + bake);
      }
      waves.add(new Wave(wave, asked == null ? (request.waves().isEmpty() ? null : 100) : asked.percent(), bake,
          null, waveSites.get(wave)));
    }
    return new Rollout(id, coordinates, RolloutState.RUNNING, 0, request.reason(), null, request.guardrails(), actor,
        now, now, waves, planned);
  }

  private List<Site> targetSites(RolloutRequest request, PluginVersion plugin) {
    boolean selector = !request.regions().isEmpty() || !request.buildingTypes().isEmpty();
    if (request.sites().isEmpty() == !selector) {
      throw new IllegalArgumentException("Expected either \"sites\" or a selector (\"regions\" and/or"
          + " \"buildingTypes\"), but found " + (selector ? "both" : "neither"));
    }
    List<Site> targets = new ArrayList<>();
    if (!selector) {
      for (String siteId : new LinkedHashSet<>(request.sites())) {
        targets.add(sites.find(siteId).orElseThrow(() -> new IllegalArgumentException("Expected known sites, but '"
            + siteId + "' is unknown; the sites are " + sites.all().stream().map(Site::id).toList())));
      }
    } else {
      Set<BuildingType> types = request.buildingTypes().isEmpty() ? plugin.buildingTypes()
          : Set.copyOf(request.buildingTypes());
      sites.all().stream()
          .filter(site -> request.regions().isEmpty() || request.regions().contains(site.region()))
          .filter(site -> types.contains(site.buildingType()))
          .forEach(targets::add);
      if (targets.isEmpty()) {
        throw new IllegalArgumentException("Expected the selector (regions " + request.regions() + ", building types "
            + types + ") to match some sites, but it matches none");
      }
    }
    for (Site site : targets) {
      List<String> jobTypes = jobTypesAt(plugin, site);
      if (jobTypes.isEmpty()) {
        throw new IllegalArgumentException("Expected sites whose building type " + plugin.coordinates()
            + " serves, but site '" + site.id() + "' is a " + site.buildingType() + " and it serves "
            + plugin.buildingTypes());
      }
      for (String jobType : jobTypes) {
        changes.refusal(site, jobType, plugin.coordinates()).ifPresent(reason -> {
          throw new IllegalArgumentException("Expected a version site '" + site.id() + "' can run for '" + jobType
              + "', but " + reason);
        });
      }
    }
    return targets;
  }

  private static List<String> jobTypesAt(PluginVersion plugin, Site site) {
    return plugin.jobTypes().stream().filter(jobType -> plugin.serves(jobType, site.buildingType())).sorted().toList();
  }

  /**
   * The sites each wave moves. Named waves take their sites; a percent wave takes the first share of the
   * targets in the order of a stable hash of rollout id and site (so it is the same after a restart, and
   * a wider wave keeps every site a narrower one took). Targets no wave reaches form a last wave.
   */
  private static List<List<String>> waveSites(String rolloutId, List<WaveRequest> waves, List<Site> targets) {
    List<String> ids = targets.stream().map(Site::id).toList();
    List<String> byHash = ids.stream().sorted(Comparator.comparingLong(siteId -> StableHash.of(rolloutId, siteId)))
        .toList();
    Set<String> taken = new LinkedHashSet<>();
    List<List<String>> result = new ArrayList<>();
    for (int i = 0; i < waves.size(); i++) {
      WaveRequest wave = waves.get(i);
      boolean named = wave.sites() != null && !wave.sites().isEmpty();
      if (named == (wave.percent() != null)) {
        throw new IllegalArgumentException("Expected wave " + (i + 1) + " to have either \"sites\" or \"percent\", but"
            + " it has " + (named ? "both" : "neither"));
      }
      List<String> chosen = new ArrayList<>();
      if (named) {
        for (String siteId : wave.sites()) {
          if (!ids.contains(siteId)) {
            throw new IllegalArgumentException("Expected the sites of wave " + (i + 1) + " among the rollout's target"
                + " sites " + ids + ", but '" + siteId + "' is not one");
          }
          if (taken.add(siteId)) {
            chosen.add(siteId);
          }
        }
      } else {
        if (wave.percent() < 1 || wave.percent() > 100) {
          throw new IllegalArgumentException("Expected the percent of wave " + (i + 1) + " from 1 to 100, but it was "
              + wave.percent());
        }
        int count = Math.max(1, (int) Math.ceil(wave.percent() * byHash.size() / 100.0));
        for (String siteId : byHash.subList(0, count)) {
          if (taken.add(siteId)) {
            chosen.add(siteId);
          }
        }
      }
      result.add(chosen);
    }
    List<String> rest = ids.stream().filter(siteId -> !taken.contains(siteId)).toList();
    if (!rest.isEmpty() || result.isEmpty()) {
      result.add(rest);
    }
    return result;
  }
}
