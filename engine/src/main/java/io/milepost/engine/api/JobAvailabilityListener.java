package io.milepost.engine.api;

/** Called after a command made jobs of {@code jobType} activatable. Must return quickly. */
@FunctionalInterface
public interface JobAvailabilityListener {
  void jobsAvailable(String jobType);
}
