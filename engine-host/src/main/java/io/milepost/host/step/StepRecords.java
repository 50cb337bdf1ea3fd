package io.milepost.host.step;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.milepost.host.insight.RollupStep;
import io.milepost.host.insight.StepRollups;
import io.milepost.host.site.HostSchema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The step records (table {@code step_record}), in the order the jobs were handled.
 *
 * <p>Stored in groups, as the engine's writer commits commands: a step that ends while a group is being written waits
 * and goes into the next one with every step that ended meanwhile, in one transaction whose rollups take one statement
 * per hour and series, however many of the group's records share it. On a quiet host a group is one record; on a busy
 * one a group saves a commit and the rollup statements per record. {@link #add} returns once its record has committed.
 */
public final class StepRecords {

  /** The records per transaction ({@code milepost.step.record.group}). */
  static final String GROUP_SIZE = "milepost.step.record.group";
  private static final int MESSAGE_LENGTH = 4000;
  /** Two hosts that open the same new rollup row at once: one fails on the key and tries again. */
  private static final int ATTEMPTS = 3;
  /** At most this many records per transaction, so that one transaction stays short. */
  private static final int MAX_GROUP = 256;

  private final JdbcClient jdbc;
  private final StepRollups rollups;
  private final TransactionTemplate transaction;
  private final DistributionSummary groupSizes;
  private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
  /** Held by the caller writing a group; the callers waiting for it form the next one. */
  private final ReentrantLock writing = new ReentrantLock();

  StepRecords(JdbcClient jdbc, HostSchema migrated, StepRollups rollups, TransactionTemplate transaction,
      MeterRegistry meterRegistry) {
    this.jdbc = jdbc;
    this.rollups = rollups;
    this.transaction = transaction;
    this.groupSizes = DistributionSummary.builder(GROUP_SIZE)
        .description("Step records stored per transaction (they are grouped while the one before commits)")
        .register(meterRegistry);
  }

  /**
   * Stores a record and the measures the plugin reported with it (table {@code step_measure}) and adds them to the
   * hourly rollups, in one transaction with the records that ended at the same time; returns the record's id once
   * it has committed, or throws why it could not be stored.
   */
  long add(StepRecord record, Map<String, Double> measures) {
    Pending mine = new Pending(record, Map.copyOf(measures));
    waiting.add(mine);
    writing.lock();
    try {
      while (!mine.done) { // written by the caller before, or now, in the group it drains
        writeGroup(nextGroup());
      }
    } finally {
      writing.unlock();
    }
    if (mine.failure != null) {
      throw mine.failure;
    }
    return mine.id;
  }

  /** How many records wait for the group being written to commit (for tests). */
  int waitingForGroup() {
    return waiting.size();
  }

  /** Whether a group is being written. */
  boolean writingGroup() {
    return writing.isLocked();
  }

  private List<Pending> nextGroup() {
    List<Pending> group = new ArrayList<>();
    Pending next;
    while (group.size() < MAX_GROUP && (next = waiting.poll()) != null) {
      group.add(next);
    }
    return group;
  }

  /** Writes a group in one transaction; if that fails, each record alone, so that one bad record fails alone. */
  private void writeGroup(List<Pending> group) {
    try {
      List<Long> ids = inTransaction(group);
      groupSizes.record(group.size());
      for (int i = 0; i < group.size(); i++) {
        group.get(i).stored(ids.get(i));
      }
    } catch (RuntimeException | Error e) {
      // an Error too: the group's callers wait for an outcome, which only the writing caller can give them
      if (group.size() == 1) {
        group.getFirst().failed(e instanceof RuntimeException failure ? failure
            : new IllegalStateException("Storing the step record failed: " + e, e));
      } else {
        group.forEach(alone -> writeGroup(List.of(alone)));
      }
    }
  }

  private List<Long> inTransaction(List<Pending> group) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> insert(group));
      } catch (DuplicateKeyException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private List<Long> insert(List<Pending> group) {
    List<Long> ids = new ArrayList<>(group.size());
    List<RollupStep> rolledUp = new ArrayList<>(group.size());
    for (Pending pending : group) {
      StepRecord record = pending.record;
      ids.add(insert(record, pending.measures));
      if (record.siteId() != null && record.pluginId() != null) {
        rolledUp.add(new RollupStep(record.jobType(), record.siteId(), record.pluginId(), record.pluginVersion(),
            record.outcome().name(), record.startedAt(), record.durationMs(), pending.measures));
      }
    }
    rollups.add(rolledUp);
    return ids;
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
    return id;
  }

  /** A record waiting for its group; its outcome is set by the writing caller and read under the same lock. */
  private static final class Pending {
    private final StepRecord record;
    private final Map<String, Double> measures;
    private boolean done;
    private long id;
    private RuntimeException failure;

    private Pending(StepRecord record, Map<String, Double> measures) {
      this.record = record;
      this.measures = measures;
    }

    private void stored(long id) {
      this.id = id;
      done = true;
    }

    private void failed(RuntimeException failure) {
      this.failure = failure;
      done = true;
    }
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
