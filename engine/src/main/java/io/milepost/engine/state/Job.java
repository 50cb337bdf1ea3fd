package io.milepost.engine.state;

import io.milepost.engine.api.JobState;
import java.util.Map;

/** A job as processing sees it. */
public record Job(long key, String type, JobState state, int retries, Long deadline, String worker,
    long processInstanceKey, long elementInstanceKey, String elementId, String bpmnProcessId,
    long processDefinitionKey, int processVersion, Map<String, String> customHeaders, String kind, String tenantId) {

  /** This job as a worker holds it. */
  public Job activatedBy(String worker, long deadline) {
    return new Job(key, type, JobState.ACTIVATED, retries, deadline, worker, processInstanceKey, elementInstanceKey,
        elementId, bpmnProcessId, processDefinitionKey, processVersion, customHeaders, kind, tenantId);
  }
}
