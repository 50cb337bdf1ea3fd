package io.milepost.host.step;

/** How a handled job ended, as step records and metrics name it. */
public enum StepOutcome {
  /** The plugin completed the job. */
  COMPLETED,
  /** The plugin threw a BPMN error the process may catch. */
  BPMN_ERROR,
  /** The job was failed: the plugin asked to retry, threw, or the host could not route it. */
  FAILED,
  /** The plugin ran past its time budget; the job was failed. */
  TIMED_OUT
}
