package io.milepost.host.plugin;

import io.milepost.host.site.HostSchema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the host keeps of plugin versions beyond the jars: uploads and withdrawals (tables plugin_upload, plugin_withdrawal). */
public final class PluginRegistry {

  private final JdbcClient jdbc;
  private final Clock clock;

  PluginRegistry(JdbcClient jdbc, Clock clock, HostSchema migrated) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void addUpload(PluginCoordinates coordinates, String sha256, String uploadedBy) {
    jdbc.sql("INSERT INTO plugin_upload (plugin_id, plugin_version, sha256, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?)")
        .params(coordinates.pluginId(), coordinates.version(), sha256, uploadedBy, now())
        .update();
  }

  void removeUpload(PluginCoordinates coordinates) {
    jdbc.sql("DELETE FROM plugin_upload WHERE plugin_id = ? AND plugin_version = ?")
        .params(coordinates.pluginId(), coordinates.version())
        .update();
  }

  public Optional<UploadRecord> upload(PluginCoordinates coordinates) {
    return jdbc.sql("SELECT * FROM plugin_upload WHERE plugin_id = ? AND plugin_version = ?")
        .params(coordinates.pluginId(), coordinates.version())
        .query(PluginRegistry::row)
        .optional();
  }

  public List<UploadRecord> uploads() {
    return jdbc.sql("SELECT * FROM plugin_upload ORDER BY uploaded_at, plugin_id, plugin_version")
        .query(PluginRegistry::row)
        .list();
  }

  /** Marks a version withdrawn; false if it already was. */
  boolean withdraw(PluginCoordinates coordinates, String actor) {
    try {
      jdbc.sql("INSERT INTO plugin_withdrawal (plugin_id, plugin_version, withdrawn_by, withdrawn_at) VALUES (?, ?, ?, ?)")
          .params(coordinates.pluginId(), coordinates.version(), actor, now())
          .update();
      return true;
    } catch (DuplicateKeyException alreadyWithdrawn) {
      return false;
    }
  }

  public boolean withdrawn(PluginCoordinates coordinates) {
    return jdbc.sql("SELECT COUNT(*) FROM plugin_withdrawal WHERE plugin_id = ? AND plugin_version = ?")
        .params(coordinates.pluginId(), coordinates.version())
        .query(Integer.class)
        .single() > 0;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static UploadRecord row(ResultSet rs, int rowNum) throws SQLException {
    return new UploadRecord(new PluginCoordinates(rs.getString("plugin_id"), rs.getString("plugin_version")),
        rs.getString("sha256").trim(), rs.getString("uploaded_by"),
        rs.getObject("uploaded_at", OffsetDateTime.class).toInstant());
  }
}
