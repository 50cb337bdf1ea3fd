package io.milepost.engine.api;

import java.util.List;

/**
 * Receives the jobs the engine activated for a job stream ({@link Engine#openJobStream},
 * {@link Engine#awaitJobs}), on the engine's writer thread right after the activating command
 * committed: it must hand them on without blocking.
 */
public interface JobSink {

  /** @return false if the receiver is gone and took none of them: the engine makes them activatable again */
  boolean accept(List<ActivatedJob> jobs);

  /** False while the receiver cannot take more (a full transport buffer): the engine then skips it. */
  default boolean ready() {
    return true;
  }
}
