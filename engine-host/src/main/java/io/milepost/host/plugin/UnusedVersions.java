package io.milepost.host.plugin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Unloads the plugin versions nothing uses: no site runs them, no active rollout targets them or would roll
 * back to them ({@code wanted} says), and no call of their handlers is running; after they have been unused
 * for a grace period, so a version between two rollouts stays. An unloaded version rests in the catalog and
 * loads again when a site is assigned to it ({@link PluginCatalog#find}).
 *
 * <p>The grace period is longer than a step's time budget: a job routed to a version just before a site
 * moved away has started (and holds it, {@link PluginVersion#running}) or given up by then.
 */
public final class UnusedVersions {

  private final PluginCatalog catalog;
  private final Predicate<PluginCoordinates> wanted;
  private final Duration grace;
  private final Map<PluginCoordinates, Instant> unusedSince = new HashMap<>();

  public UnusedVersions(PluginCatalog catalog, Predicate<PluginCoordinates> wanted, Duration grace) {
    this.catalog = catalog;
    this.wanted = wanted;
    this.grace = grace;
  }

  /** Notes which versions are unused as of {@code now}, and unloads those unused for the grace period. */
  public synchronized List<PluginCoordinates> sweep(Instant now) {
    List<PluginCoordinates> unloaded = new ArrayList<>();
    unusedSince.keySet().retainAll(catalog.versions().stream().map(PluginVersion::coordinates).toList());
    for (PluginVersion version : catalog.versions()) {
      PluginCoordinates coordinates = version.coordinates();
      if (version.running() > 0 || wanted.test(coordinates)) {
        unusedSince.remove(coordinates);
        continue;
      }
      Instant since = unusedSince.computeIfAbsent(coordinates, c -> now);
      if (!since.plus(grace).isAfter(now) && catalog.rest(coordinates)) {
        unusedSince.remove(coordinates);
        unloaded.add(coordinates);
      }
    }
    return unloaded;
  }
}
