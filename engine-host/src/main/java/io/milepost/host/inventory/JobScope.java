package io.milepost.host.inventory;

/**
 * The job on whose behalf a plugin changes stock. A change is made once per process instance, step and
 * reference: a redelivered job of the same instance finds it made.
 */
record JobScope(long processInstanceKey, long jobKey, String step) {}
