package io.milepost.engine.api;

/** Why the engine refused a command; the API maps these to 400, 404 and 409. */
public enum RejectionType {
  INVALID_ARGUMENT,
  NOT_FOUND,
  INVALID_STATE
}
