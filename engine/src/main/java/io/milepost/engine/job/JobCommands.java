package io.milepost.engine.job;

import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.FailJob;
import io.milepost.engine.api.JobState;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.RejectionType;
import io.milepost.engine.api.ThrowError;
import io.milepost.engine.api.UpdateJob;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.IncidentBehavior;
import io.milepost.engine.processing.JobActivator;
import io.milepost.engine.state.Job;
import java.util.List;
import java.util.Map;

/** The job commands workers send: activate, complete, fail, throw error, update; and time-outs. */
public final class JobCommands {

  private final BpmnBehaviors behaviors;

  public JobCommands(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  public List<ActivatedJob> activate(ActivateJobs command) {
    return new JobActivator(behaviors).activateWaiting(command);
  }

  public void complete(long jobKey, Map<String, Object> variables) {
    Job job = openJob(jobKey, "complete");
    BpmnElementContext element = behaviors.load(job.elementInstanceKey());
    applyResultVariables(element, variables);
    behaviors.context().state().jobs().applyEnded(job, JobState.COMPLETED);
    behaviors.complete(element);
  }

  /** Job variables: local to the task when it has output mappings (they decide), else merged upwards. */
  private void applyResultVariables(BpmnElementContext element, Map<String, Object> variables) {
    if (variables == null || variables.isEmpty()) {
      return;
    }
    if (!element.node().outputs().isEmpty()) {
      behaviors.variables().setLocal(element.key(), element.processInstance().key(), variables, element.tenantId());
    } else {
      behaviors.variables().merge(element.key(), element.processInstance().key(), variables, element.tenantId());
    }
  }

  public void fail(FailJob command) {
    Job job = openJob(command.jobKey(), "fail");
    if (command.retries() < 0) {
      throw new RejectionException(RejectionType.INVALID_ARGUMENT,
          "Expected retries of job " + job.key() + " to be 0 or more, but it was " + command.retries());
    }
    long backOff = command.retryBackOff() == null ? 0 : command.retryBackOff().toMillis();
    long now = behaviors.context().now();
    if (command.variables() != null && !command.variables().isEmpty()) {
      BpmnElementContext element = behaviors.load(job.elementInstanceKey());
      behaviors.variables().setLocal(element.key(), element.processInstance().key(), command.variables(), element.tenantId());
    }
    behaviors.context().state().jobs().applyFailed(job, command.retries(), command.errorMessage(), now + backOff);
    if (command.retries() == 0) {
      String message = command.errorMessage() == null || command.errorMessage().isBlank()
          ? "No more retries left." : command.errorMessage();
      behaviors.incidents().raise(behaviors.load(job.elementInstanceKey()), IncidentBehavior.JOB_NO_RETRIES, message, job.key());
    } else if (backOff == 0) {
      behaviors.context().jobsAvailable(job.type());
    }
  }

  public void throwError(ThrowError command) {
    Job job = openJob(command.jobKey(), "throw an error for");
    if (command.errorCode() == null || command.errorCode().isBlank()) {
      throw new RejectionException(RejectionType.INVALID_ARGUMENT,
          "Expected an error code to throw for job " + job.key() + ", but it was empty");
    }
    BpmnElementContext element = behaviors.load(job.elementInstanceKey());
    behaviors.context().state().jobs().applyEnded(job, JobState.ERROR_THROWN);
    behaviors.events().throwError(element, command.errorCode(), command.errorMessage(), command.variables(), job.key());
  }

  public void update(UpdateJob command) {
    Job job = behaviors.context().state().jobs().get(command.jobKey()).orElseThrow(() -> notFound(command.jobKey()));
    if (command.retries() != null) {
      if (command.retries() < 1) {
        throw new RejectionException(RejectionType.INVALID_ARGUMENT,
            "Expected retries of job " + job.key() + " to be 1 or more, but it was " + command.retries());
      }
      requireNotEnded(job, "update the retries of");
      behaviors.context().state().jobs().applyRetriesUpdated(job, command.retries());
    }
    if (command.timeout() != null) {
      if (job.state() != JobState.ACTIVATED) {
        throw new RejectionException(RejectionType.INVALID_STATE,
            "Expected job " + job.key() + " to be activated to update its timeout, but it was " + describe(job.state()));
      }
      behaviors.context().state().jobs().applyTimeoutUpdated(job, behaviors.context().now() + command.timeout().toMillis());
    }
  }

  /** Activated jobs whose deadline passed go back to be activated by another worker. */
  public int timeOut(int limit) {
    List<Job> expired = behaviors.context().state().jobs().timedOut(behaviors.context().now(), limit);
    for (Job job : expired) {
      behaviors.context().state().jobs().applyTimedOut(job);
      behaviors.context().jobsAvailable(job.type());
    }
    return expired.size();
  }

  private Job openJob(long jobKey, String action) {
    Job job = behaviors.context().state().jobs().get(jobKey).orElseThrow(() -> notFound(jobKey));
    requireNotEnded(job, action);
    if (job.state() == JobState.FAILED && job.retries() == 0) {
      throw new RejectionException(RejectionType.INVALID_STATE, "Expected to " + action + " job " + jobKey
          + ", but it has failed with no retries left; update its retries and resolve its incident first");
    }
    return job;
  }

  private static void requireNotEnded(Job job, String action) {
    if (job.state() == JobState.COMPLETED || job.state() == JobState.CANCELED || job.state() == JobState.ERROR_THROWN) {
      throw new RejectionException(RejectionType.INVALID_STATE, "Expected to " + action + " job " + job.key()
          + " while it is activatable or activated, but it was " + describe(job.state()));
    }
  }

  private static String describe(JobState state) {
    return switch (state) {
      case CANCELED -> "canceled (its process instance or element was terminated)";
      case ERROR_THROWN -> "already finished by throwing a BPMN error";
      default -> state.name().toLowerCase();
    };
  }

  static RejectionException notFound(long jobKey) {
    return new RejectionException(RejectionType.NOT_FOUND, "Expected to find job with key " + jobKey + ", but none was found");
  }
}
