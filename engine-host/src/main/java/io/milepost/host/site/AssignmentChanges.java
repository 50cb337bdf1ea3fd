package io.milepost.host.site;

import io.milepost.host.audit.AuditAction;
import io.milepost.host.audit.AuditEntry;
import io.milepost.host.audit.AuditLog;
import io.milepost.host.plugin.PluginCatalog;
import io.milepost.host.plugin.PluginCoordinates;
import io.milepost.host.plugin.PluginRegistry;
import io.milepost.host.plugin.PluginVersion;
import io.milepost.plugin.api.Site;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every change of what a site runs goes through here: it checks that the version is loaded, not
 * withdrawn and serves the site's building type for that job type, changes the assignment and writes
 * the audit entry.
 */
public final class AssignmentChanges {

  private static final Logger LOG = LoggerFactory.getLogger(AssignmentChanges.class);

  private final SiteAssignments assignments;
  private final PluginCatalog catalog;
  private final PluginRegistry registry;
  private final AuditLog audit;

  AssignmentChanges(SiteAssignments assignments, PluginCatalog catalog, PluginRegistry registry, AuditLog audit) {
    this.assignments = assignments;
    this.catalog = catalog;
    this.registry = registry;
    this.audit = audit;
  }

  /** Why {@code plugin} cannot run {@code jobType} at {@code site}, or empty if it can. */
  public Optional<String> refusal(Site site, String jobType, PluginCoordinates plugin) {
    Optional<PluginVersion> version = catalog.find(plugin);
    if (version.isEmpty()) {
      return Optional.of("plugin version " + plugin + " is not loaded; loaded are "
          + catalog.versions().stream().map(PluginVersion::coordinates).toList());
    }
    if (registry.withdrawn(plugin)) {
      return Optional.of("plugin version " + plugin + " is withdrawn and can no longer be assigned");
    }
    if (version.get().handler(jobType).isEmpty()) {
      return Optional.of("plugin version " + plugin + " has no handler for job type '" + jobType + "'; it handles "
          + version.get().jobTypes());
    }
    if (!version.get().serves(jobType, site.buildingType())) {
      return Optional.of("site '" + site.id() + "' is a " + site.buildingType() + ", but " + plugin + " serves '"
          + jobType + "' only at " + version.get().buildingTypes());
    }
    return Optional.empty();
  }

  /**
   * Points the site's job type at {@code plugin} for the next job and audits it with {@code why}'s actor,
   * action, rollout and reason.
   *
   * @return the version the site ran before, if any
   * @throws IllegalArgumentException when {@link #refusal} names a reason
   */
  public Optional<PluginCoordinates> assign(Site site, String jobType, PluginCoordinates plugin, AuditEntry why) {
    refusal(site, jobType, plugin).ifPresent(reason -> {
      throw new IllegalArgumentException("Expected a plugin version that can run '" + jobType + "' at site '"
          + site.id() + "', but " + reason);
    });
    Optional<PluginCoordinates> before = assignments.find(site.id(), jobType).map(SiteAssignment::plugin);
    if (before.isPresent() && before.get().equals(plugin)) {
      return before;
    }
    assignments.assign(site.id(), jobType, plugin);
    audit.record(why.at(site.id(), jobType, before.map(PluginCoordinates::pluginId).orElse(null),
        before.map(PluginCoordinates::version).orElse(null)));
    return before;
  }

  /**
   * Points the site's job type back at {@code previous} if it still runs {@code current}, and audits it.
   * No building-type check: the site ran {@code previous} before. A withdrawn or unloaded
   * {@code previous} is still refused, as running it would fail every job.
   *
   * @return false if the site no longer runs {@code current}, or {@code previous} is not loaded
   */
  public boolean revert(String siteId, String jobType, PluginCoordinates current, PluginCoordinates previous,
      AuditEntry why) {
    if (catalog.find(previous).isEmpty()) {
      LOG.warn("Site {} cannot go back from {} to {} for '{}': that version is not loaded", siteId, current, previous,
          jobType);
      return false;
    }
    if (!assignments.revert(siteId, jobType, current, previous)) {
      return false;
    }
    audit.record(why.at(siteId, jobType, current.pluginId(), current.version()));
    return true;
  }

  /**
   * Moves every site that runs {@code plugin} back to the latest version it ran before that it can still
   * run (loaded, not withdrawn), e.g. after a withdrawal or when the version's jar did not load at start.
   *
   * @return how many site job types moved
   */
  public int revertAllFrom(PluginCoordinates plugin, AuditEntry why) {
    int moved = 0;
    for (SiteAssignment running : assignments.runningOn(plugin)) {
      Optional<PluginCoordinates> previous = assignments.history(running.siteId(), running.jobType()).stream()
          .filter(version -> !version.equals(plugin) && catalog.find(version).isPresent() && !registry.withdrawn(version))
          .findFirst();
      if (previous.isEmpty()) {
        LOG.warn("Site {} runs {} for '{}' and has no earlier version it can go back to", running.siteId(), plugin,
            running.jobType());
        continue;
      }
      AuditEntry entry = new AuditEntry(0, null, why.actor(), AuditAction.ROLLBACK, null, null,
          previous.get().pluginId(), null, null, previous.get().version(), why.rolloutId(), why.reason(), null, null,
          null);
      if (revert(running.siteId(), running.jobType(), plugin, previous.get(), entry)) {
        moved++;
      }
    }
    return moved;
  }
}
