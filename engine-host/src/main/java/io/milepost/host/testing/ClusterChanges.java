package io.milepost.host.testing;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Numbers the cluster-wide changes (purges) as Camunda's topology does: a change gets an id when it is asked for,
 * and the topology reports the last one completed. A purge here completes before it answers, so the two agree.
 */
@Component
public final class ClusterChanges {

  private final AtomicLong lastCompleted = new AtomicLong(-1);
  private final AtomicLong next = new AtomicLong(1);

  /** Runs a change and returns its id once it has completed. */
  long run(Runnable change) {
    long id = next.getAndIncrement();
    change.run();
    lastCompleted.accumulateAndGet(id, Math::max);
    return id;
  }

  /** The id of the last completed change; -1 before the first. */
  public long lastCompletedChangeId() {
    return lastCompleted.get();
  }
}
