package io.milepost.host.step;

import io.milepost.host.insight.RollupStep;
import io.milepost.host.insight.StepRollups;
import io.milepost.host.site.HostSchema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** The step records (table {@code step_record}), in the order the jobs were handled. */
public final class StepRecords {

  private static final int MESSAGE_LENGTH = 4000;
  /** Two records that open the same new rollup row at once: one fails on the key and tries again. */
  private static final int ATTEMPTS = 3;

  private final JdbcClient jdbc;
  private final StepRollups rollups;
  private final TransactionTemplate transaction;

  StepRecords(JdbcClient jdbc, HostSchema migrated, StepRollups rollups, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.rollups = rollups;
    this.transaction = transaction;
  }

  /**
   * Stores a record and the measures the plugin reported with it (table {@code step_measure}) and adds
   * them to the hourly rollups, all in one transaction; returns the record's id.
   */
  long add(StepRecord record, Map<String, Double> measures) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> insert(record, measures));
      } catch (DuplicateKeyException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private long insert(StepRecord record, Map<String, Double> measures) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO step_record (job_key, process_instance_key, element_id, job_type, site_id, plugin_id,"
            + " plugin_version, outcome, message, started_at, duration_ms, data_versions)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(record.jobKey(), record.processInstanceKey(), record.elementId(), record.jobType(), record.siteId(),
            record.pluginId(), record.pluginVersion(), record.outcome().name(), truncate(record.message()),
            OffsetDateTime.ofInstant(record.startedAt(), ZoneOffset.UTC), record.durationMs(), record.dataVersions())
        .update(keys, "id");
    long id = keys.getKeyAs(Number.class).longValue();
    measures.forEach((name, value) ->
        jdbc.sql("INSERT INTO step_measure (step_record_id, name, measure_value) VALUES (?, ?, ?)")
            .params(id, name, value)
            .update());
    if (record.siteId() != null && record.pluginId() != null) {
      rollups.add(new RollupStep(record.jobType(), record.siteId(), record.pluginId(), record.pluginVersion(),
          record.outcome().name(), record.startedAt(), record.durationMs(), measures));
    }
    return id;
  }

  /** The measures stored with one step record, by name. */
  public Map<String, Double> measures(long recordId) {
    Map<String, Double> measures = new TreeMap<>();
    jdbc.sql("SELECT name, measure_value FROM step_measure WHERE step_record_id = ?").param(recordId)
        .query(rs -> {
          measures.put(rs.getString("name"), rs.getDouble("measure_value"));
        });
    return measures;
  }

  /** Adds to a record's message, e.g. that the engine refused the command that reported it. */
  void appendMessage(long id, String note) {
    String message = jdbc.sql("SELECT message FROM step_record WHERE id = ?").param(id).query(String.class).single();
    jdbc.sql("UPDATE step_record SET message = ? WHERE id = ?")
        .params(truncate(message == null ? note : message + "; " + note), id)
        .update();
  }

  public List<StepRecord> forProcessInstance(long processInstanceKey) {
    return jdbc.sql("SELECT * FROM step_record WHERE process_instance_key = ? ORDER BY id")
        .param(processInstanceKey)
        .query(StepRecords::row)
        .list();
  }

  /** A stored step record with the measures its plugin reported. */
  public record MeasuredStepRecord(StepRecord record, Map<String, Double> measures) {}

  /** The steps of one instance in the order they ran, each with its measures (two queries, not one per record). */
  public List<MeasuredStepRecord> forProcessInstanceWithMeasures(long processInstanceKey) {
    Map<Long, Map<String, Double>> measures = new HashMap<>();
    jdbc.sql("SELECT m.step_record_id, m.name, m.measure_value FROM step_measure m JOIN step_record r"
            + " ON r.id = m.step_record_id WHERE r.process_instance_key = ?")
        .param(processInstanceKey)
        .query(rs -> {
          measures.computeIfAbsent(rs.getLong("step_record_id"), id -> new TreeMap<>())
              .put(rs.getString("name"), rs.getDouble("measure_value"));
        });
    return jdbc.sql("SELECT * FROM step_record WHERE process_instance_key = ? ORDER BY id")
        .param(processInstanceKey)
        .query((rs, rowNum) -> new MeasuredStepRecord(row(rs, rowNum),
            measures.getOrDefault(rs.getLong("id"), Map.of())))
        .list();
  }

  private static String truncate(String message) {
    return message == null || message.length() <= MESSAGE_LENGTH ? message : message.substring(0, MESSAGE_LENGTH);
  }

  private static StepRecord row(ResultSet rs, int rowNum) throws SQLException {
    return new StepRecord(rs.getLong("job_key"), rs.getLong("process_instance_key"), rs.getString("element_id"),
        rs.getString("job_type"), rs.getString("site_id"), rs.getString("plugin_id"), rs.getString("plugin_version"),
        StepOutcome.valueOf(rs.getString("outcome")), rs.getString("message"),
        rs.getObject("started_at", OffsetDateTime.class).toInstant(), rs.getLong("duration_ms"),
        rs.getString("data_versions"));
  }
}
