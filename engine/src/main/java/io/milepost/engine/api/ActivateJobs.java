package io.milepost.engine.api;

import java.time.Duration;
import java.util.List;

/** Locks up to {@code maxJobs} activatable jobs of a type for a worker until {@code timeout}. */
public record ActivateJobs(String type, String worker, Duration timeout, int maxJobs, List<String> fetchVariables) {}
