package io.milepost.engine.state;

import java.util.List;

/**
 * Empties the store: every deployment, instance and their history. The key counter is kept, so no key handed out
 * before is handed out again (keys are unique for the life of the store). A table added to the engine's schema must
 * be named here or in {@link #KEPT}; a test checks the migrations against both lists.
 */
public final class StorePurge {

  /** Every table of the engine's schema that holds deployments, instances or history. */
  public static final List<String> PURGED = List.of("event_log", "compensation_subscription",
      "message_instance_correlation", "message_correlation", "message_subscription", "signal_subscription", "message",
      "timer", "user_task", "incident", "job", "job_backoff", "taken_flow", "variable", "business_id",
      "business_id_backfill", "element_instance", "message_started_instance", "process_instance", "form",
      "process_definition", "decision_instance", "decision_definition", "decision_requirements", "deployment");

  /** Tables a purge keeps: the key counter, and the journal's position (which the purge's own commit moves on). */
  public static final List<String> KEPT = List.of("key_block", "journal_position");

  private StorePurge() {}

  public static void purge(Sql sql) {
    for (String table : PURGED) {
      sql.update("DELETE FROM " + table);
    }
  }
}
