package io.milepost.host.rollout;

import io.milepost.host.plugin.PluginCoordinates;
import io.milepost.host.rollout.Rollout.Target;
import io.milepost.host.rollout.Rollout.Wave;
import io.milepost.host.site.HostSchema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Rollouts, their waves and targets (tables rollout, rollout_wave, rollout_target). */
final class RolloutStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;

  RolloutStore(JdbcClient jdbc, HostSchema migrated) {
    this.jdbc = jdbc;
  }

  void insert(Rollout rollout) {
    jdbc.sql("INSERT INTO rollout (id, plugin_id, plugin_version, state, current_wave, reason, state_reason, guardrails,"
            + " created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(rollout.id(), rollout.plugin().pluginId(), rollout.plugin().version(), rollout.state().name(),
            rollout.currentWave(), rollout.reason(), rollout.stateReason(),
            rollout.guardrails() == null ? null : JSON.writeValueAsString(rollout.guardrails()), rollout.createdBy(),
            utc(rollout.createdAt()), utc(rollout.updatedAt()))
        .update();
    for (Wave wave : rollout.waves()) {
      jdbc.sql("INSERT INTO rollout_wave (rollout_id, wave_index, percent, bake_minutes, started_at) VALUES (?, ?, ?, ?, ?)")
          .params(rollout.id(), wave.index(), wave.percent(), wave.bakeMinutes(), utc(wave.startedAt()))
          .update();
    }
    for (Target target : rollout.targets()) {
      jdbc.sql("INSERT INTO rollout_target (rollout_id, site_id, job_type, wave_index) VALUES (?, ?, ?, ?)")
          .params(rollout.id(), target.siteId(), target.jobType(), target.wave())
          .update();
    }
  }

  void updateState(String id, RolloutState state, int currentWave, String stateReason, Instant now) {
    jdbc.sql("UPDATE rollout SET state = ?, current_wave = ?, state_reason = ?, updated_at = ? WHERE id = ?")
        .params(state.name(), currentWave, stateReason, utc(now), id)
        .update();
  }

  void waveStarted(String id, int wave, Instant now) {
    jdbc.sql("UPDATE rollout_wave SET started_at = ? WHERE rollout_id = ? AND wave_index = ?")
        .params(utc(now), id, wave)
        .update();
  }

  void targetApplied(String id, String siteId, String jobType, PluginCoordinates from, Instant now) {
    jdbc.sql("UPDATE rollout_target SET from_plugin_id = ?, from_version = ?, applied_at = ?"
            + " WHERE rollout_id = ? AND site_id = ? AND job_type = ?")
        .params(from == null ? null : from.pluginId(), from == null ? null : from.version(), utc(now), id, siteId,
            jobType)
        .update();
  }

  Optional<Rollout> find(String id) {
    return jdbc.sql("SELECT * FROM rollout WHERE id = ?").param(id).query(this::rollout).optional();
  }

  /** Newest first. */
  List<Rollout> all() {
    return jdbc.sql("SELECT * FROM rollout ORDER BY created_at DESC, id").query(this::rollout).list();
  }

  List<Rollout> inState(RolloutState state) {
    return jdbc.sql("SELECT * FROM rollout WHERE state = ? ORDER BY created_at, id").param(state.name())
        .query(this::rollout).list();
  }

  private Rollout rollout(ResultSet rs, int rowNum) throws SQLException {
    String id = rs.getString("id");
    String guardrails = rs.getString("guardrails");
    List<Target> targets = jdbc.sql("SELECT * FROM rollout_target WHERE rollout_id = ? ORDER BY wave_index, site_id,"
            + " job_type").param(id).query(RolloutStore::target).list();
    List<Wave> waves = jdbc.sql("SELECT * FROM rollout_wave WHERE rollout_id = ? ORDER BY wave_index").param(id)
        .query((w, n) -> wave(w, targets)).list();
    return new Rollout(id, new PluginCoordinates(rs.getString("plugin_id"), rs.getString("plugin_version")),
        RolloutState.valueOf(rs.getString("state")), rs.getInt("current_wave"), rs.getString("reason"),
        rs.getString("state_reason"), guardrails == null ? null : JSON.readValue(guardrails, Guardrails.class),
        rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"), waves, targets);
  }

  private static Wave wave(ResultSet rs, List<Target> targets) throws SQLException {
    int index = rs.getInt("wave_index");
    int percent = rs.getInt("percent");
    Integer percentOrNull = rs.wasNull() ? null : percent;
    return new Wave(index, percentOrNull, rs.getInt("bake_minutes"), instant(rs, "started_at"),
        targets.stream().filter(target -> target.wave() == index).map(Target::siteId).distinct().toList());
  }

  private static Target target(ResultSet rs, int rowNum) throws SQLException {
    String fromPlugin = rs.getString("from_plugin_id");
    return new Target(rs.getString("site_id"), rs.getString("job_type"), rs.getInt("wave_index"),
        fromPlugin == null ? null : new PluginCoordinates(fromPlugin, rs.getString("from_version")),
        instant(rs, "applied_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
