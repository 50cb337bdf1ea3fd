package io.milepost.engine;

import io.milepost.engine.api.JobAvailabilityListener;
import io.milepost.engine.processing.CommandExecutor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the outside world what committed commands did: jobs to hand out, instances that ended. */
final class Listeners implements CommandExecutor.Effects {

  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  private final List<JobAvailabilityListener> jobListeners = new CopyOnWriteArrayList<>();
  private final Map<Long, Runnable> endWaiters = new ConcurrentHashMap<>();

  void add(JobAvailabilityListener listener) {
    jobListeners.add(listener);
  }

  void awaitEnd(long processInstanceKey, Runnable onEnd) {
    endWaiters.put(processInstanceKey, onEnd);
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
    for (JobAvailabilityListener listener : jobListeners) {
      try {
        listener.jobsAvailable(type);
      } catch (RuntimeException e) {
        LOG.warn("Job availability listener failed for type '{}'", type, e);
      }
    }
  }
}
