package io.milepost.engine;

import io.milepost.engine.processing.CommandExecutor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the outside world what committed commands did: jobs to hand out, instances that ended. */
final class Listeners implements CommandExecutor.Effects {

  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  /** Hands jobs that became activatable to the job streams of their type. */
  private final Consumer<String> jobsAvailable;
  private final Map<Long, Runnable> endWaiters = new ConcurrentHashMap<>();

  Listeners(Consumer<String> jobsAvailable) {
    this.jobsAvailable = jobsAvailable;
  }

  void awaitEnd(long processInstanceKey, Runnable onEnd) {
    endWaiters.put(processInstanceKey, onEnd);
  }

  /** Nobody waits for this instance any more. */
  void forgetEnd(long processInstanceKey) {
    endWaiters.remove(processInstanceKey);
  }

  @Override
  public void afterCommit(Set<String> availableJobTypes, List<Long> endedProcessInstances) {
    for (String type : availableJobTypes) {
      jobsAvailable(type);
    }
    for (Long key : endedProcessInstances) {
      Runnable waiter = endWaiters.remove(key);
      if (waiter != null) {
        waiter.run();
      }
    }
  }

  void jobsAvailable(String type) {
    try {
      jobsAvailable.accept(type);
    } catch (RuntimeException e) {
      LOG.warn("Could not serve the job streams of type '{}'", type, e);
    }
  }
}
