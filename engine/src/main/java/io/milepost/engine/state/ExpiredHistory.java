package io.milepost.engine.state;

import java.util.ArrayList;
import java.util.List;

/**
 * Deletes the history of process instances whose root instance ended before a cut-off: the root, the instances its
 * call activities started (at any depth), and every row the engine keeps for them. Runs inside one command, so the
 * instances of a batch go entirely or not at all. A table added to the engine's schema must be named in
 * {@link #DELETED} or {@link #KEPT}; a test checks the migrations against both lists.
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
      "user_task", "decision_instance", "element_instance", "process_instance");

  /**
   * Tables that stay: deployments and what they define, the key counter, the business id backfill's progress, and
   * buffered messages with their correlations (they belong to the message, and go when its time to live ends).
   */
  public static final List<String> KEPT = List.of("key_block", "deployment", "process_definition", "form",
      "decision_requirements", "decision_definition", "message", "message_correlation",
      "message_instance_correlation", "business_id_backfill");

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
      "DELETE FROM job WHERE process_instance_key = ?",
      "DELETE FROM incident WHERE process_instance_key = ?",
      "DELETE FROM user_task WHERE process_instance_key = ?",
      "DELETE FROM decision_instance WHERE process_instance_key = ?",
      "DELETE FROM element_instance WHERE process_instance_key = ?",
      "DELETE FROM process_instance WHERE process_instance_key = ?");

  /** What one call deleted. */
  public record Deleted(int rootInstances, int processInstances) {}

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

  private void withDescendants(long instance, List<Object[]> into) {
    into.add(new Object[] {instance});
    for (long child : sql.query("SELECT process_instance_key FROM process_instance WHERE parent_process_instance_key = ?",
        row -> row.getLong(1), instance)) {
      withDescendants(child, into);
    }
  }
}
