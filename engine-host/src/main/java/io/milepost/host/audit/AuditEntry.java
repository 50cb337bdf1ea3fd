package io.milepost.host.audit;

import java.time.Instant;

/**
 * One change in the audit log.
 *
 * @param id assigned by the log; 0 before it is stored
 * @param actor the authenticated user, {@code anonymous}, or {@code guardrail}/{@code system} for the host's own acts
 * @param action what happened, e.g. {@code ASSIGN}, {@code ROLLBACK}, {@code UPLOAD}
 * @param fromPluginId the plugin the site ran before (it may differ from {@code pluginId}), else null
 * @param figure for a guardrail action, the figure that breached (e.g. {@code failureRate}), else null
 * @param observed the breaching figure's value (e.g. the failure rate increase), else null
 * @param threshold the limit it breached, else null
 */
public record AuditEntry(long id, Instant occurredAt, String actor, AuditAction action, String siteId, String jobType,
    String pluginId, String fromPluginId, String fromVersion, String toVersion, String rolloutId, String reason,
    String figure, Double observed, Double threshold) {

  /** A new entry about a plugin version as a whole (upload, withdrawal) or a rollout's state. */
  public static AuditEntry of(String actor, AuditAction action, String pluginId, String toVersion, String rolloutId,
      String reason) {
    return new AuditEntry(0, null, actor, action, null, null, pluginId, null, null, toVersion, rolloutId, reason,
        null, null, null);
  }

  /** This entry about one site's job type moving from one version to another. */
  public AuditEntry at(String site, String step, String fromPlugin, String from) {
    return new AuditEntry(id, occurredAt, actor, action, site, step, pluginId, fromPlugin, from, toVersion, rolloutId,
        reason, figure, observed, threshold);
  }

  /** This entry naming the figure a guardrail found breached, its value and its limit. */
  public AuditEntry breach(String breachedFigure, double value, double limit) {
    return new AuditEntry(id, occurredAt, actor, action, siteId, jobType, pluginId, fromPluginId, fromVersion,
        toVersion, rolloutId, reason, breachedFigure, value, limit);
  }
}
