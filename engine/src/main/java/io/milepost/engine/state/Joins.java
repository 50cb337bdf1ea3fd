package io.milepost.engine.state;

import java.util.Map;
import java.util.HashMap;

/** Sequence flows taken into a joining gateway of a scope, not yet consumed by the join. */
public final class Joins {

  private final Sql sql;
  private final Events events;

  Joins(Sql sql, Events events) {
    this.sql = sql;
    this.events = events;
  }

  /** How often each incoming flow of a gateway was taken in this scope instance. */
  public Map<String, Integer> taken(long flowScopeKey, String gatewayId) {
    Map<String, Integer> counts = new HashMap<>();
    sql.query("SELECT flow_id, taken_count FROM taken_flow WHERE flow_scope_key = ? AND gateway_id = ?",
        row -> counts.put(row.getString(1), row.getInt(2)), flowScopeKey, gatewayId);
    return counts;
  }

  /** The gateways of a scope where at least one token waits. */
  public java.util.Set<String> waitingGateways(long flowScopeKey) {
    return new java.util.HashSet<>(sql.query("SELECT DISTINCT gateway_id FROM taken_flow WHERE flow_scope_key = ? "
        + "AND taken_count > 0", row -> row.getString(1), flowScopeKey));
  }

  public boolean hasWaitingTokens(long flowScopeKey) {
    return sql.count("SELECT COUNT(*) FROM taken_flow WHERE flow_scope_key = ? AND taken_count > 0", flowScopeKey) > 0;
  }

  public void applyTaken(long flowScopeKey, String gatewayId, String flowId) {
    int updated = sql.update("UPDATE taken_flow SET taken_count = taken_count + 1 WHERE flow_scope_key = ? AND gateway_id = ? "
        + "AND flow_id = ?", flowScopeKey, gatewayId, flowId);
    if (updated == 0) {
      sql.update("INSERT INTO taken_flow (flow_scope_key, gateway_id, flow_id, taken_count) VALUES (?, ?, ?, 1)",
          flowScopeKey, gatewayId, flowId);
    }
  }

  /** The join fired: one token of each incoming flow is used up. */
  public void applyConsumed(long flowScopeKey, String gatewayId) {
    sql.update("UPDATE taken_flow SET taken_count = taken_count - 1 WHERE flow_scope_key = ? AND gateway_id = ?", flowScopeKey, gatewayId);
    sql.update("DELETE FROM taken_flow WHERE flow_scope_key = ? AND gateway_id = ? AND taken_count <= 0", flowScopeKey, gatewayId);
  }

  /** The scope ended: tokens still waiting in it are gone. */
  public void applyScopeEnded(long flowScopeKey) {
    sql.update("DELETE FROM taken_flow WHERE flow_scope_key = ?", flowScopeKey);
  }
}
