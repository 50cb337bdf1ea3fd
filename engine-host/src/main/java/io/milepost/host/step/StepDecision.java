package io.milepost.host.step;

import java.time.Duration;
import java.util.Map;

/** The command a handled job ends with. */
sealed interface StepDecision {

  StepOutcome outcome();

  /** Null unless the job did not complete. */
  String message();

  record Complete(Map<String, Object> variables) implements StepDecision {
    @Override
    public StepOutcome outcome() {
      return StepOutcome.COMPLETED;
    }

    @Override
    public String message() {
      return null;
    }
  }

  record ThrowError(String code, String message) implements StepDecision {
    @Override
    public StepOutcome outcome() {
      return StepOutcome.BPMN_ERROR;
    }
  }

  /** @param retries the job's retries after this failure; 0 raises an incident with {@code message} */
  record Fail(StepOutcome outcome, String message, int retries, Duration backoff) implements StepDecision {}
}
