package io.milepost.engine.processing;

import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.JobState;
import io.milepost.engine.state.Job;
import io.milepost.engine.state.Jobs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Activates jobs inside a command: for an activation request, and for the job streams, which get the
 * jobs a command created in that same command (no activation command per job) and, when asked, the
 * jobs already waiting.
 */
public final class JobActivator {

  /** Waiting jobs read per query when serving a stream. */
  private static final int SERVE_BATCH = 32;

  private final BpmnBehaviors behaviors;
  private final Jobs jobs;

  public JobActivator(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
    this.jobs = behaviors.context().state().jobs();
  }

  /** Up to {@code command.maxJobs()} waiting jobs of its type, oldest first. */
  public List<ActivatedJob> activateWaiting(ActivateJobs command) {
    List<ActivatedJob> activated = new ArrayList<>();
    for (Job job : jobs.activatable(command.type(), behaviors.context().now(), command.maxJobs())) {
      activated.add(activate(job, command));
    }
    return activated;
  }

  /** The jobs this command created, to the streams of their types that can take them. */
  void pushCreatedJobs(JobStreams streams) {
    ProcessingContext context = behaviors.context();
    for (long key : context.createdJobs()) {
      // the same command may have ended the job again (an interrupting event in the same cascade)
      Job job = jobs.get(key).filter(j -> j.state() == JobState.CREATED).orElse(null);
      if (job == null) {
        continue;
      }
      JobStreams.Stream stream = streams.next(job.type(), context::pushedTo);
      if (stream == null) {
        context.jobsAvailable(job.type()); // for pollers, or a stream that frees up later
      } else {
        context.pushed(stream, activate(job, stream.activation()));
      }
    }
  }

  /** The jobs waiting for a type, to its streams while they can take more. */
  public void serve(String type, JobStreams streams) {
    ProcessingContext context = behaviors.context();
    JobStreams.Stream stream;
    while ((stream = streams.next(type, context::pushedTo)) != null) {
      int room = stream.activation().maxJobs() - context.pushedTo(stream);
      int wanted = Math.min(room, SERVE_BATCH);
      List<Job> waiting = jobs.activatable(type, context.now(), wanted);
      for (Job job : waiting) {
        context.pushed(stream, activate(job, stream.activation()));
      }
      if (waiting.size() < wanted) {
        return; // none left
      }
    }
    // Every ready stream took as many as one command gives it, and more may be waiting: serve again after
    // this commit. Streams that are not ready are not counted, so this cannot loop on a stalled receiver.
    if (streams.hasReady(type)) {
      context.jobsAvailable(type);
    }
  }

  /**
   * Jobs activated for a receiver that was gone when they were handed over go back to be activated
   * again, retries untouched; a job that ended or was activated anew meanwhile is left alone.
   */
  void yield(List<ActivatedJob> undelivered) {
    for (ActivatedJob activated : undelivered) {
      jobs.get(activated.key())
          .filter(job -> job.state() == JobState.ACTIVATED && job.deadline() != null && job.deadline() == activated.deadline())
          .ifPresent(job -> {
            jobs.applyYielded(job);
            behaviors.context().jobsAvailable(job.type());
          });
    }
  }

  private ActivatedJob activate(Job job, ActivateJobs command) {
    long deadline = behaviors.context().now() + command.timeout().toMillis();
    jobs.applyActivated(job, command.worker(), deadline);
    Map<String, Object> visible = behaviors.variables().visible(job.elementInstanceKey());
    Map<String, Object> variables = visible;
    if (command.fetchVariables() != null && !command.fetchVariables().isEmpty()) {
      variables = new HashMap<>();
      for (String name : command.fetchVariables()) {
        if (visible.containsKey(name)) {
          variables.put(name, visible.get(name));
        }
      }
    }
    return new ActivatedJob(job.key(), job.type(), job.processInstanceKey(), job.bpmnProcessId(), job.processVersion(),
        job.processDefinitionKey(), job.elementId(), job.elementInstanceKey(), job.customHeaders(), command.worker(),
        job.retries(), deadline, variables, job.tenantId(), job.kind(), null, null);
  }
}
