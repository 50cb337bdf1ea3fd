package io.milepost.host.inventory;

/**
 * The job on whose behalf a plugin changes stock. A change is made once per process instance, step and
 * reference: a redelivered job of the same instance finds it made.
 *
 * @param jobKey null (and {@code step} null) when no job made the change: the instance ended terminated and
 *     its reservations were released for it
 */
record JobScope(long processInstanceKey, Long jobKey, String step) {

  static JobScope terminated(long processInstanceKey) {
    return new JobScope(processInstanceKey, null, null);
  }
}
