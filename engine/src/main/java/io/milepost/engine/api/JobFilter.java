package io.milepost.engine.api;

public record JobFilter(Long key, String type, JobState state, Long processInstanceKey) {

  public static JobFilter all() {
    return new JobFilter(null, null, null, null);
  }
}
