package io.milepost.host.engine;

import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.Engine;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.UpdateJob;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives back jobs that were activated for a caller who is gone (a cancelled long poll, a closed
 * stream), so another worker gets them now instead of after the job timeout (5 minutes by default).
 *
 * <p>How: the job's timeout is set to zero, so the engine's due-work pass (every 100 ms) times it out
 * and it is activatable again, with its retries and error message untouched, and the availability
 * listeners are told. Failing it back instead would record a worker failure the worker never had
 * (and count against the step's failure rate); Camunda's own gateway likewise yields such jobs
 * rather than failing them. If even that fails, the job still comes back when its deadline passes.
 */
@Component
public final class UndeliveredJobs {

  private static final Logger LOG = LoggerFactory.getLogger(UndeliveredJobs.class);

  private final Engine engine;

  UndeliveredJobs(Engine engine) {
    this.engine = engine;
  }

  public void giveBack(List<ActivatedJob> jobs, String why) {
    jobs.forEach(job -> giveBack(job, why));
  }

  public void giveBack(ActivatedJob job, String why) {
    try {
      engine.updateJob(new UpdateJob(job.key(), null, Duration.ZERO));
      LOG.debug("Gave back job {} of type '{}' activated for worker '{}': {}", job.key(), job.type(), job.worker(), why);
    } catch (RejectionException e) {
      // Cancelled or ended meanwhile (its instance was cancelled): nothing to give back.
      LOG.debug("Did not give back job {}: {}", job.key(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("Could not give back job {} of type '{}' ({}); it becomes activatable again at its deadline {}",
          job.key(), job.type(), why, job.deadline(), e);
    }
  }
}
