package io.milepost.engine.state;

import io.milepost.engine.api.JobState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jobs: reads for processors and the appliers of JOB events.
 *
 * <p>A job created by the running command is written behind: most are handed to a job stream before the command
 * ends, so the row is inserted once, already activated, instead of inserted and then updated (which moved it in three
 * of the job table's indexes). Reads of a job by key or element see such a job; every other statement on the table
 * writes the held-back rows first ({@link #flush}).
 */
public final class Jobs {

  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};
  /** The most jobs one activation hands out (a worker asking for more gets this many and asks again). */
  public static final int MAX_ACTIVATION = 1_000;

  private final Sql sql;
  private final Events events;
  private final JsonMapper json;
  /** Jobs the running command created, not inserted yet, in their latest state (created or activated). */
  private final Map<Long, Job> created = new LinkedHashMap<>();

  Jobs(Sql sql, Events events, JsonMapper json) {
    this.sql = sql;
    this.events = events;
    this.json = json;
  }

  public Optional<Job> get(long key) {
    Job held = created.get(key);
    return held != null ? Optional.of(held) : sql.queryOne("SELECT * FROM job WHERE job_key = ?", this::map, key);
  }

  /** The job of an element instance that is still open (created, activated or failed). */
  public Optional<Job> openJobOf(long elementInstanceKey) {
    for (Job held : created.values()) {
      if (held.elementInstanceKey() == elementInstanceKey) {
        return Optional.of(held); // held back only while created or activated: open
      }
    }
    return sql.queryOne("SELECT * FROM job WHERE element_instance_key = ? AND state IN ('CREATED', 'ACTIVATED', 'FAILED')",
        this::map, elementInstanceKey);
  }

  // The lower bounds (">= 0") below keep index range scans off the rows where the column is NULL: H2 sorts
  // NULLs first, so "col <= ?" alone walks every ended job.

  /**
   * Up to {@code limit} jobs of a type that may be activated now, oldest first, locked for this transaction;
   * never more than {@link #MAX_ACTIVATION} at once, whatever a client asks for. The limit is bound, not written
   * into the text: the writer keeps one prepared statement per text, so a text per limit would grow without bound.
   */
  public List<Job> activatable(String type, long now, int limit) {
    flush();
    return sql.query("SELECT * FROM job WHERE job_type = ? AND activatable_at >= 0 AND activatable_at <= ? "
        + "ORDER BY activatable_at, job_key "
        + "FETCH FIRST ? ROWS ONLY" + sql.dialect().lockRowsSkipLocked(), this::map, type, now,
        Math.min(limit, MAX_ACTIVATION));
  }

  /** Activated jobs whose deadline passed. */
  public List<Job> timedOut(long now, int limit) {
    flush();
    return sql.query("SELECT * FROM job WHERE deadline >= 0 AND deadline <= ? AND state = 'ACTIVATED' ORDER BY deadline "
        + "FETCH FIRST ? ROWS ONLY", this::map, now, limit);
  }

  /**
   * The types of the failed jobs whose back-off ended by {@code now}, so that the workers waiting for them are told;
   * the back-offs are forgotten. A job that ended or was activated meanwhile only wakes its workers once for nothing.
   */
  public List<String> takeEndedBackOffs(long now) {
    List<String> types = sql.query("SELECT DISTINCT job_type FROM job_backoff WHERE ends_at <= ?",
        row -> row.getString(1), now);
    if (!types.isEmpty()) {
      sql.update("DELETE FROM job_backoff WHERE ends_at <= ?", now);
    }
    return types;
  }

  public void applyCreated(Job job) {
    created.put(job.key(), job);
    events.record("JOB", "CREATED", job.key(), job.processInstanceKey(), job.elementId(),
        Events.payload("type", job.type(), "retries", job.retries(), "elementInstanceKey", job.elementInstanceKey()));
  }

  public void applyActivated(Job job, String worker, long deadline) {
    Job held = created.get(job.key());
    if (held != null) {
      created.put(job.key(), held.activatedBy(worker, deadline));
    } else {
      sql.update("UPDATE job SET state = 'ACTIVATED', activatable_at = NULL, worker = ?, deadline = ? WHERE job_key = ?",
          worker, deadline, job.key());
    }
    events.record("JOB", "ACTIVATED", job.key(), job.processInstanceKey(), job.elementId(),
        Events.payload("worker", worker, "deadline", deadline));
  }

  /** The job ended for good (completed, error thrown, canceled). */
  public void applyEnded(Job job, JobState state) {
    flush();
    sql.update("UPDATE job SET state = ?, activatable_at = NULL, deadline = NULL WHERE job_key = ?", state, job.key());
    events.record("JOB", state.name(), job.key(), job.processInstanceKey(), job.elementId(), Map.of());
  }

  /** Failed: activatable again after the back-off while retries are left, else waits for an incident's resolution. */
  public void applyFailed(Job job, int retries, String errorMessage, long activatableAt) {
    flush();
    Long at = retries > 0 ? activatableAt : null;
    sql.update("UPDATE job SET state = 'FAILED', retries = ?, error_message = ?, activatable_at = ?, deadline = NULL, "
        + "worker = NULL WHERE job_key = ?", retries, errorMessage, at, job.key());
    if (at != null && at > events.now()) {
      sql.update("INSERT INTO job_backoff (ends_at, job_key, job_type) VALUES (?, ?, ?)", at, job.key(), job.type());
    }
    events.record("JOB", "FAILED", job.key(), job.processInstanceKey(), job.elementId(),
        Events.payload("retries", retries, "errorMessage", errorMessage));
  }

  public void applyTimedOut(Job job) {
    flush();
    sql.update("UPDATE job SET state = 'CREATED', activatable_at = ?, deadline = NULL, worker = NULL WHERE job_key = ?",
        events.now(), job.key());
    events.record("JOB", "TIMED_OUT", job.key(), job.processInstanceKey(), job.elementId(), Map.of());
  }

  /** Handed back by a receiver that was gone: activatable again at once. */
  public void applyYielded(Job job) {
    flush();
    sql.update("UPDATE job SET state = 'CREATED', activatable_at = ?, deadline = NULL, worker = NULL WHERE job_key = ?",
        events.now(), job.key());
    events.record("JOB", "YIELDED", job.key(), job.processInstanceKey(), job.elementId(), Map.of());
  }

  /**
   * New retries; they do not make a job activatable that waits for its incident's resolution (the resolution does),
   * nor shorten a back-off.
   */
  public void applyRetriesUpdated(Job job, int retries) {
    flush();
    sql.update("UPDATE job SET retries = ? WHERE job_key = ?", retries, job.key());
    events.record("JOB", "RETRIES_UPDATED", job.key(), job.processInstanceKey(), job.elementId(), Events.payload("retries", retries));
  }

  public void applyTimeoutUpdated(Job job, long deadline) {
    flush();
    sql.update("UPDATE job SET deadline = ? WHERE job_key = ?", deadline, job.key());
    events.record("JOB", "TIMEOUT_UPDATED", job.key(), job.processInstanceKey(), job.elementId(), Events.payload("deadline", deadline));
  }

  /** An incident on this job was resolved: make it activatable if it has retries. */
  public void applyRecurAfterIncident(Job job) {
    flush();
    sql.update("UPDATE job SET activatable_at = ? WHERE job_key = ? AND retries > 0", events.now(), job.key());
    events.record("JOB", "RECURRED_AFTER_INCIDENT", job.key(), job.processInstanceKey(), job.elementId(), Map.of());
  }

  /** An unhandled BPMN error's incident was resolved: the job can be worked on again. */
  public void applyReopened(Job job) {
    flush();
    sql.update("UPDATE job SET state = 'CREATED', activatable_at = ?, retries = GREATEST(retries, 1) WHERE job_key = ?",
        events.now(), job.key());
    events.record("JOB", "RECURRED_AFTER_BACKOFF", job.key(), job.processInstanceKey(), job.elementId(), Map.of());
  }

  /** Inserts the jobs held back; called before statements that could see them and when the command ends. */
  public void flush() {
    if (created.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>(created.size());
    for (Job j : created.values()) {
      // created in this command, so at its time; activatable from then until activated
      Long activatableAt = j.state() == JobState.CREATED ? events.now() : null;
      rows.add(new Object[] {j.key(), j.type(), j.state(), activatableAt, j.retries(), j.worker(), j.deadline(),
          j.processInstanceKey(), j.elementInstanceKey(), j.elementId(), j.bpmnProcessId(), j.processDefinitionKey(),
          j.processVersion(), json.writeValueAsString(j.customHeaders()), j.kind(), j.tenantId(), events.now()});
    }
    created.clear();
    sql.batch("INSERT INTO job (job_key, job_type, state, activatable_at, retries, worker, deadline, process_instance_key, "
        + "element_instance_key, element_id, bpmn_process_id, process_definition_key, process_version, custom_headers, "
        + "kind, tenant_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
  }

  private Job map(java.sql.ResultSet row) throws java.sql.SQLException {
    return new Job(row.getLong("job_key"), row.getString("job_type"), JobState.valueOf(row.getString("state")),
        row.getInt("retries"), Sql.nullableLong(row, "deadline"), row.getString("worker"),
        row.getLong("process_instance_key"), row.getLong("element_instance_key"), row.getString("element_id"),
        row.getString("bpmn_process_id"), row.getLong("process_definition_key"), row.getInt("process_version"),
        json.readValue(row.getString("custom_headers"), HEADERS), row.getString("kind"), row.getString("tenant_id"));
  }
}
