package io.milepost.host.step;

import java.util.Map;

/** One activated job as the dispatcher needs it, whichever transport brought it. */
record StepJob(long key, String type, long processInstanceKey, String elementId, int retries,
    Map<String, Object> variables, Map<String, String> customHeaders) {

  static StepJob of(io.camunda.client.api.response.ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    return new StepJob(job.getKey(), job.getType(), job.getProcessInstanceKey(), job.getElementId(), job.getRetries(),
        variables == null ? Map.of() : variables, job.getCustomHeaders());
  }

  static StepJob of(io.milepost.engine.api.ActivatedJob job) {
    return new StepJob(job.key(), job.type(), job.processInstanceKey(), job.elementId(), job.retries(),
        job.variables() == null ? Map.of() : job.variables(), job.customHeaders());
  }
}
