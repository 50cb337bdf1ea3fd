package io.milepost.engine.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Deletes the history of process instances whose root instance ended before a cut-off: the root, the instances its
 * call activities started (at any depth), and every row the engine keeps for them. Runs inside one command, so the
 * instances of a batch go entirely or not at all. Also deletes the older event log rows that belong to no instance,
 * but those of deployments. A table added to the engine's schema must be named in {@link #DELETED} or {@link #KEPT};
 * a test checks the migrations against both lists.
 */
public final class ExpiredHistory {

  /**
   * Tables with rows of an instance, in the order they are deleted (the statements that find rows through the
   * instance's element instances run before those are gone). Timers, subscriptions and join counters normally
   * went when their element ended; they are deleted too, so that nothing of a deleted instance is left whatever
   * path it ended by.
   */
  public static final List<String> DELETED = List.of("taken_flow", "timer", "message_subscription",
      "signal_subscription", "compensation_subscription", "event_log", "variable", "business_id", "job", "incident",
      "user_task", "decision_instance", "element_instance", "message_started_instance", "process_instance");

  /**
   * Tables that stay: deployments and what they define, the key counter, the journal's position, the business id
   * backfill's progress, buffered messages with their correlations (they belong to the message, and go when its time
   * to live ends), and the back-offs of failed jobs (each goes when it ends, whether its job is still there or not).
   */
  public static final List<String> KEPT = List.of("key_block", "journal_position", "deployment", "process_definition",
      "form", "decision_requirements", "decision_definition", "message", "message_correlation",
      "message_instance_correlation", "business_id_backfill", "job_backoff");

  private static final String ELEMENTS_OF_INSTANCE =
      "(SELECT element_instance_key FROM element_instance WHERE process_instance_key = ?)";

  /** Each delete takes one instance key; the same statement text for every batch, so the writer prepares it once. */
  private static final List<String> DELETES = List.of(
      "DELETE FROM taken_flow WHERE flow_scope_key IN " + ELEMENTS_OF_INSTANCE,
      "DELETE FROM timer WHERE element_instance_key IN " + ELEMENTS_OF_INSTANCE,
      "DELETE FROM message_subscription WHERE element_instance_key IN " + ELEMENTS_OF_INSTANCE,
      "DELETE FROM signal_subscription WHERE element_instance_key IN " + ELEMENTS_OF_INSTANCE,
      "DELETE FROM compensation_subscription WHERE process_instance_key = ?",
      "DELETE FROM event_log WHERE process_instance_key = ?",
      "DELETE FROM variable WHERE process_instance_key = ?",
      "DELETE FROM business_id WHERE process_instance_key = ?",
      "DELETE FROM job WHERE element_instance_key IN " + ELEMENTS_OF_INSTANCE,
      "DELETE FROM incident WHERE process_instance_key = ?",
      "DELETE FROM user_task WHERE process_instance_key = ?",
      "DELETE FROM decision_instance WHERE process_instance_key = ?",
      "DELETE FROM element_instance WHERE process_instance_key = ?",
      "DELETE FROM message_started_instance WHERE process_instance_key = ?",
      "DELETE FROM process_instance WHERE process_instance_key = ?");

  /** What one call deleted. */
  public record Deleted(int rootInstances, int processInstances) {}

  /**
   * What one pass over the event log rows of no instance did.
   *
   * @param readUpTo the position up to which every row was looked at: the next pass starts after it
   * @param read rows looked at: the limit when more old rows may follow
   */
  public record StandaloneDeleted(int deleted, long readUpTo, int read) {}

  /** The record types of deployments: kept with the deployments they describe. */
  private static final Set<String> DEPLOYMENT_RECORDS = Set.of("DEPLOYMENT", "PROCESS", "FORM",
      "DECISION_REQUIREMENTS", "DECISION");

  private final Sql sql;

  public ExpiredHistory(Sql sql) {
    this.sql = sql;
  }

  /**
   * Deletes at most {@code limit} root instances that ended before {@code cutOff} (epoch millis), with their child
   * instances. Running instances are never touched: a root that has not ended has no end time, and its children are
   * reached only through an ended root.
   */
  public Deleted deleteRootsEndedBefore(long cutOff, int limit) {
    List<Long> roots = sql.query("SELECT process_instance_key FROM process_instance "
        + "WHERE parent_process_instance_key IS NULL AND end_time < ? FETCH FIRST ? ROWS ONLY",
        row -> row.getLong(1), cutOff, limit);
    if (roots.isEmpty()) {
      return new Deleted(0, 0);
    }
    List<Object[]> instances = new ArrayList<>();
    for (long root : roots) {
      withDescendants(root, instances);
    }
    for (String delete : DELETES) {
      sql.batch(delete, instances);
    }
    return new Deleted(roots.size(), instances.size());
  }

  /**
   * Deletes the event log rows of no instance written before {@code cutOff}, in the order of the rows' own positions
   * (not the events' positions of {@link PackedEvents}: each of these rows holds one event) from after
   * {@code afterPosition}, looking at {@code limit} rows at most: message publications and expiries, signal
   * broadcasts, start-event timers and subscriptions, and decisions evaluated through the API (with their decision
   * instances). Stops at the first row written at or after the cut-off, since the log is written in time order.
   */
  public StandaloneDeleted deleteStandaloneBefore(long cutOff, long afterPosition, int limit) {
    // ordered by both columns of the index (process_instance_key, position), so that H2 also reads it in order
    List<StandaloneRow> rows = sql.query("SELECT position, value_type, record_key, created_at FROM event_log "
            + "WHERE process_instance_key = ? AND position > ? ORDER BY process_instance_key, position "
            + "FETCH FIRST ? ROWS ONLY",
        row -> new StandaloneRow(row.getLong(1), row.getString(2), row.getLong(3), row.getLong(4)),
        EventLog.NO_INSTANCE, afterPosition, limit);
    List<Object[]> events = new ArrayList<>();
    List<Object[]> evaluations = new ArrayList<>();
    long readUpTo = afterPosition;
    int read = 0;
    for (StandaloneRow row : rows) {
      if (row.createdAt() >= cutOff) {
        break;
      }
      read++;
      readUpTo = row.position();
      if (!DEPLOYMENT_RECORDS.contains(row.valueType())) {
        events.add(new Object[] {row.position()});
      }
      if (row.valueType().equals("DECISION_EVALUATION")) {
        evaluations.add(new Object[] {row.key()});
      }
    }
    sql.batch("DELETE FROM event_log WHERE position = ?", events);
    sql.batch("DELETE FROM decision_instance WHERE decision_evaluation_key = ? AND process_instance_key IS NULL",
        evaluations);
    return new StandaloneDeleted(events.size(), readUpTo, read);
  }

  private record StandaloneRow(long position, String valueType, long key, long createdAt) {}

  private void withDescendants(long instance, List<Object[]> into) {
    into.add(new Object[] {instance});
    for (long child : sql.query("SELECT process_instance_key FROM process_instance WHERE parent_process_instance_key = ?",
        row -> row.getLong(1), instance)) {
      withDescendants(child, into);
    }
  }
}
