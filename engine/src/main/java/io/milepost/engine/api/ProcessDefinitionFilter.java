package io.milepost.engine.api;

public record ProcessDefinitionFilter(Long key, String bpmnProcessId, Integer version, Boolean latestOnly) {

  public static ProcessDefinitionFilter all() {
    return new ProcessDefinitionFilter(null, null, null, null);
  }
}
