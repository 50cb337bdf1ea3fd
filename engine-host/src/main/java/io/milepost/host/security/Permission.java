package io.milepost.host.security;

/**
 * What a call needs. A denied call names the permission it lacked, so the answer says what to ask the
 * administrator for; the role table in the README lists which role holds which.
 */
public enum Permission {
  /** Cluster topology: every signed-in user may ask whether the engine is there. */
  TOPOLOGY,
  DEPLOY,
  CREATE_INSTANCE,
  /** Cancel and modify instances, set variables. */
  OPERATE_INSTANCE,
  RESOLVE_INCIDENT,
  /** Process definitions, instances, element instances, incidents, variables. */
  READ_INSTANCES,
  /** Jobs and decisions searches and anything else read-only not covered by a narrower permission. */
  READ_ALL,
  /** Activate, complete and fail jobs, throw BPMN errors. */
  WORK_JOBS,
  /** Change a job's retries or timeout: workers do it, and engineers before resolving an incident. */
  UPDATE_JOB,
  PUBLISH_MESSAGE,
  BROADCAST_SIGNAL,
  EVALUATE_DECISION,
  /** Search and read user tasks, their forms and variables (associates: of their sites only). */
  READ_USER_TASKS,
  /** Claim, unclaim and complete user tasks (associates: of their sites only). */
  WORK_USER_TASKS,
  READ_SITES,
  READ_PLUGINS,
  UPLOAD_PLUGIN,
  READ_ROLLOUTS,
  /** Create, advance, pause and roll back rollouts (leaders: for sites of their regions). */
  STEER_ROLLOUTS,
  READ_INSIGHTS,
  READ_AUDIT,
  /** Everything else: actuator endpoints, site management, test-only endpoints. */
  ADMINISTER
}
