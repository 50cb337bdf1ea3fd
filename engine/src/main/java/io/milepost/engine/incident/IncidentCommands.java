package io.milepost.engine.incident;

import io.milepost.engine.api.IncidentState;
import io.milepost.engine.api.JobState;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.RejectionType;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.state.Incident;
import io.milepost.engine.state.Job;

/**
 * Resolving an incident: a job incident makes its job activatable again (its retries must have been
 * raised first); an element incident re-runs the step that failed, with the variables as they are now.
 */
public final class IncidentCommands {

  private final BpmnBehaviors behaviors;

  public IncidentCommands(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  public void resolve(long incidentKey) {
    var state = behaviors.context().state();
    Incident incident = state.incidents().get(incidentKey).orElseThrow(() -> new RejectionException(RejectionType.NOT_FOUND,
        "Expected to resolve incident with key '" + incidentKey + "', but no such incident was found"));
    if (incident.state() != IncidentState.ACTIVE) {
      throw new RejectionException(RejectionType.NOT_FOUND,
          "Expected to resolve an active incident with key '" + incidentKey + "', but it was already resolved");
    }
    if (incident.jobKey() != null) {
      resolveJobIncident(incident, state.jobs().get(incident.jobKey()).orElseThrow());
      return;
    }
    behaviors.incidents().clear(incident);
    BpmnElementContext element = behaviors.load(incident.elementInstanceKey());
    switch (element.instance().state()) {
      case ACTIVATING -> behaviors.context().enqueue(() -> behaviors.onActivating(element));
      case COMPLETING -> behaviors.context().enqueue(() -> behaviors.onCompleting(element));
      default -> { } // the element moved on (e.g. was terminated): nothing to retry
    }
  }

  private void resolveJobIncident(Incident incident, Job job) {
    var jobs = behaviors.context().state().jobs();
    if (job.state() == JobState.FAILED && job.retries() <= 0) {
      throw new RejectionException(RejectionType.INVALID_STATE, "Expected the retries of job " + job.key()
          + " to be raised above 0 before resolving incident " + incident.key() + ", but it has " + job.retries()
          + " retries; update the job's retries first");
    }
    behaviors.incidents().clear(incident);
    if (job.state() == JobState.ERROR_THROWN) {
      jobs.applyReopened(job);
    } else {
      jobs.applyRecurAfterIncident(job);
    }
    behaviors.context().jobsAvailable(job.type());
  }
}
