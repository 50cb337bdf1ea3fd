package io.milepost.engine.api;

import java.time.Duration;
import java.util.Map;

/** A worker could not do the job: retry after {@code retryBackOff}, or raise an incident at 0 retries. */
public record FailJob(long jobKey, int retries, String errorMessage, Duration retryBackOff, Map<String, Object> variables) {}
