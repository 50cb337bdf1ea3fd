package io.milepost.engine.api;

/** Why the engine refused a command; the API maps these to 400, 404, 409 and 429. */
public enum RejectionType {
  INVALID_ARGUMENT,
  NOT_FOUND,
  INVALID_STATE,
  /** The engine is at capacity (back-pressure): nothing changed, retry after a short pause. */
  RESOURCE_EXHAUSTED
}
