package io.milepost.engine.api;

import java.util.Set;

/**
 * Every non-null field must match; {@code states} matches any of its states (null or empty: any state),
 * {@code minRetries} jobs with at least that many retries left.
 */
public record JobFilter(Long key, String type, Set<JobState> states, Long processInstanceKey, Long processDefinitionKey,
    String bpmnProcessId, String elementId, Long elementInstanceKey, String worker, Integer minRetries) {

  public JobFilter {
    states = states == null ? Set.of() : Set.copyOf(states);
  }

  public JobFilter(Long key, String type, JobState state, Long processInstanceKey) {
    this(key, type, state == null ? Set.of() : Set.of(state), processInstanceKey, null, null, null, null, null, null);
  }

  public static JobFilter all() {
    return new JobFilter(null, null, (JobState) null, null);
  }
}
