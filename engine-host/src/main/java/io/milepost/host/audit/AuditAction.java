package io.milepost.host.audit;

/** What an audit entry records. */
public enum AuditAction {
  /** A plugin version was uploaded. */
  UPLOAD,
  /** A plugin version was withdrawn: it can no longer be assigned. */
  WITHDRAW,
  /** A site's job type was pointed at a plugin version (a rollout wave, or the host's start-up fallback). */
  ASSIGN,
  /** A site's job type was pointed back at the version it ran before. */
  ROLLBACK,
  /** A rollout was created. */
  ROLLOUT_CREATED,
  /** A rollout moved to its next wave. */
  ROLLOUT_ADVANCED,
  /** A rollout was paused (by a person or a guardrail). */
  ROLLOUT_PAUSED,
  /** A paused rollout was resumed. */
  ROLLOUT_RESUMED,
  /** A rollout's last wave is in place. */
  ROLLOUT_COMPLETED,
  /** A rollout was rolled back (by a person or a guardrail). */
  ROLLOUT_ROLLED_BACK,
  /** A site's copy of a data set was replaced (toVersion {@code data:<dataSet>@<version>}). */
  SITE_DATA_CHANGED
}
