package io.milepost.engine.processing.element;

import io.milepost.engine.api.JobState;
import io.milepost.engine.expression.ExpressionException;
import io.milepost.engine.model.JobWorkerProperties;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;
import io.milepost.engine.processing.IncidentBehavior;
import io.milepost.engine.state.Job;
import java.util.Map;

/** A task done by a job worker (service task, job-worker user task): creates a job and waits for it. */
public final class JobWorkerTaskProcessor implements ElementProcessor {

  private final BpmnBehaviors behaviors;

  public JobWorkerTaskProcessor(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    JobWorkerProperties worker = context.node().jobWorker();
    String type;
    long retries;
    try {
      Map<String, Object> variables = behaviors.variables().visible(context.key());
      type = behaviors.context().expressions().evaluateString(worker.type(), variables);
      retries = behaviors.context().expressions().evaluateLong(worker.retries(), variables);
    } catch (ExpressionException e) {
      behaviors.incidents().raise(context, IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage(), null);
      return;
    }
    BpmnElementContext activated = behaviors.activated(context);
    var pi = activated.processInstance();
    Job job = new Job(behaviors.context().nextKey(), type, JobState.CREATED, (int) retries, null, null, pi.key(),
        activated.key(), activated.node().id(), pi.bpmnProcessId(), pi.processDefinitionKey(), pi.version(),
        worker.headers(), "BPMN_ELEMENT", pi.tenantId());
    behaviors.context().state().jobs().applyCreated(job);
    behaviors.context().jobCreated(job.key());
  }

  @Override
  public void onTerminate(BpmnElementContext context) {
    behaviors.context().state().jobs().openJobOf(context.key())
        .ifPresent(job -> behaviors.context().state().jobs().applyEnded(job, JobState.CANCELED));
  }
}
