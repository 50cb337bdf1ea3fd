package io.milepost.bench.engine;

import io.milepost.bench.harness.InstanceTracker;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tells the tracker that a Milepost instance ended when its last job's completion was acknowledged:
 * completing a job applies every follow-up step in the same command, so the instance of a workload
 * that always runs {@code jobsPerInstance} jobs has ended (durably) once that many were completed.
 */
final class JobCounter {

  private final ConcurrentHashMap<Long, AtomicInteger> done = new ConcurrentHashMap<>();
  private final int jobsPerInstance;
  private final InstanceTracker tracker;

  JobCounter(int jobsPerInstance, InstanceTracker tracker) {
    this.jobsPerInstance = jobsPerInstance;
    this.tracker = tracker;
  }

  void completed(long processInstanceKey) {
    AtomicInteger count = done.computeIfAbsent(processInstanceKey, key -> new AtomicInteger());
    if (count.incrementAndGet() == jobsPerInstance) {
      done.remove(processInstanceKey);
      tracker.ended(processInstanceKey, System.nanoTime());
    }
  }
}
