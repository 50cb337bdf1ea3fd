package io.milepost.host.site;

import io.milepost.host.plugin.PluginCoordinates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The store of which plugin version each site runs per job type (table {@code site_plugin_assignment}).
 *
 * <p>Read for every job, not cached: a change (a rollout, made by this or another node sharing the
 * database) takes effect for the next job without a restart.
 */
public final class SiteAssignments {

  private final JdbcClient jdbc;
  private final Clock clock;

  SiteAssignments(JdbcClient jdbc, Clock clock, HostSchema migrated) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<SiteAssignment> find(String siteId, String jobType) {
    return jdbc.sql("SELECT site_id, job_type, plugin_id, plugin_version, assigned_at FROM site_plugin_assignment"
            + " WHERE site_id = ? AND job_type = ?")
        .params(siteId, jobType)
        .query(SiteAssignments::row)
        .optional();
  }

  /** A site's assignments, by job type. */
  public List<SiteAssignment> forSite(String siteId) {
    return jdbc.sql("SELECT site_id, job_type, plugin_id, plugin_version, assigned_at FROM site_plugin_assignment"
            + " WHERE site_id = ? ORDER BY job_type")
        .param(siteId)
        .query(SiteAssignments::row)
        .list();
  }

  /** Assigns {@code plugin} unless the site already has an assignment for the job type; true if it assigned. */
  public boolean assignIfAbsent(String siteId, String jobType, PluginCoordinates plugin) {
    try {
      insert(siteId, jobType, plugin);
      return true;
    } catch (DuplicateKeyException alreadyAssigned) {
      return false;
    }
  }

  /**
   * Points the site's job type at {@code plugin}, effective for the next job, and puts the version it ran
   * until now on top of its history. This store does not check that the plugin fits the site:
   * {@link AssignmentChanges} does, and writes the audit entry.
   */
  public void assign(String siteId, String jobType, PluginCoordinates plugin) {
    Optional<SiteAssignment> current = find(siteId, jobType);
    if (current.isEmpty()) {
      try {
        insert(siteId, jobType, plugin);
        return;
      } catch (DuplicateKeyException insertedMeanwhile) {
        current = find(siteId, jobType);
      }
    }
    PluginCoordinates before = current.orElseThrow().plugin();
    if (before.equals(plugin)) {
      return;
    }
    jdbc.sql("INSERT INTO site_plugin_history (site_id, job_type, depth, plugin_id, plugin_version)"
            + " SELECT ?, ?, COALESCE(MAX(depth), 0) + 1, ?, ? FROM site_plugin_history WHERE site_id = ? AND job_type = ?")
        .params(siteId, jobType, before.pluginId(), before.version(), siteId, jobType)
        .update();
    jdbc.sql("UPDATE site_plugin_assignment SET plugin_id = ?, plugin_version = ?, assigned_at = ?"
            + " WHERE site_id = ? AND job_type = ?")
        .params(plugin.pluginId(), plugin.version(), now(), siteId, jobType)
        .update();
  }

  /** The versions a site ran for a job type before its current one, the latest first. */
  public List<PluginCoordinates> history(String siteId, String jobType) {
    return jdbc.sql("SELECT plugin_id, plugin_version FROM site_plugin_history WHERE site_id = ? AND job_type = ?"
            + " ORDER BY depth DESC")
        .params(siteId, jobType)
        .query((rs, rowNum) -> new PluginCoordinates(rs.getString(1), rs.getString(2)))
        .list();
  }

  /**
   * Points the site's job type back at {@code previous} (a pointer flip) if it still runs {@code current},
   * and takes the history back to where it was when the site last ran {@code previous}: a second rollback
   * goes one level further back, never forward again.
   *
   * @return false if the site no longer runs {@code current} (someone moved it meanwhile)
   */
  public boolean revert(String siteId, String jobType, PluginCoordinates current, PluginCoordinates previous) {
    boolean flipped = jdbc.sql("UPDATE site_plugin_assignment SET plugin_id = ?, plugin_version = ?, assigned_at = ?"
            + " WHERE site_id = ? AND job_type = ? AND plugin_id = ? AND plugin_version = ?")
        .params(previous.pluginId(), previous.version(), now(), siteId, jobType, current.pluginId(), current.version())
        .update() > 0;
    if (flipped) {
      jdbc.sql("DELETE FROM site_plugin_history WHERE site_id = ? AND job_type = ? AND depth >= (SELECT MAX(depth)"
              + " FROM site_plugin_history WHERE site_id = ? AND job_type = ? AND plugin_id = ? AND plugin_version = ?)")
          .params(siteId, jobType, siteId, jobType, previous.pluginId(), previous.version())
          .update();
    }
    return flipped;
  }

  /** Every site and job type that runs {@code plugin} now. */
  public List<SiteAssignment> runningOn(PluginCoordinates plugin) {
    return jdbc.sql("SELECT site_id, job_type, plugin_id, plugin_version, assigned_at FROM site_plugin_assignment"
            + " WHERE plugin_id = ? AND plugin_version = ? ORDER BY site_id, job_type")
        .params(plugin.pluginId(), plugin.version())
        .query(SiteAssignments::row)
        .list();
  }

  private void insert(String siteId, String jobType, PluginCoordinates plugin) {
    jdbc.sql("INSERT INTO site_plugin_assignment (site_id, job_type, plugin_id, plugin_version, assigned_at)"
            + " VALUES (?, ?, ?, ?, ?)")
        .params(siteId, jobType, plugin.pluginId(), plugin.version(), now())
        .update();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static SiteAssignment row(ResultSet rs, int rowNum) throws SQLException {
    return new SiteAssignment(rs.getString("site_id"), rs.getString("job_type"),
        new PluginCoordinates(rs.getString("plugin_id"), rs.getString("plugin_version")),
        rs.getObject("assigned_at", OffsetDateTime.class).toInstant());
  }
}
