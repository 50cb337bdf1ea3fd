package io.milepost.host.web.operations;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per element of one process definition: how many instances wait there now and how many open incidents it
 * has; the badges on a process's diagram. Counted in the store in two grouped statements.
 */
@Component
final class ElementCounts {

  private final JdbcClient jdbc;

  ElementCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** @param active element id to the number of its element instances still running */
  record Counts(Map<String, Long> active, Map<String, Long> incidents) {}

  Counts of(long processDefinitionKey) {
    Map<String, Long> active = new TreeMap<>();
    jdbc.sql("SELECT e.element_id, COUNT(*) AS n FROM process_instance p JOIN element_instance e"
            + " ON e.process_instance_key = p.process_instance_key AND e.state IN ('ACTIVATING', 'ACTIVATED', 'COMPLETING')"
            + " WHERE p.process_definition_key = ? AND p.state = 'ACTIVE' AND e.element_type <> 'PROCESS'"
            + " GROUP BY e.element_id")
        .param(processDefinitionKey)
        .query((rs, n) -> active.put(rs.getString("element_id"), rs.getLong("n")))
        .list();
    Map<String, Long> incidents = new TreeMap<>();
    jdbc.sql("SELECT element_id, COUNT(*) AS n FROM incident WHERE process_definition_key = ? AND state = 'ACTIVE'"
            + " GROUP BY element_id")
        .param(processDefinitionKey)
        .query((rs, n) -> incidents.put(rs.getString("element_id"), rs.getLong("n")))
        .list();
    return new Counts(active, incidents);
  }

  /** Running instances and open incidents per process definition key, for the process list. */
  Map<Long, long[]> perDefinition() {
    Map<Long, long[]> counts = new TreeMap<>();
    jdbc.sql("SELECT process_definition_key, COUNT(*) AS n, SUM(CASE WHEN incident_count > 0 THEN 1 ELSE 0 END) AS i"
            + " FROM process_instance WHERE state = 'ACTIVE' GROUP BY process_definition_key")
        .query((rs, n) -> counts.put(rs.getLong(1), new long[] {rs.getLong("n"), rs.getLong("i")}))
        .list();
    return counts;
  }
}
