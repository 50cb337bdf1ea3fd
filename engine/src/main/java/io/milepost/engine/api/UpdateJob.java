package io.milepost.engine.api;

import java.time.Duration;

/** Changes the retries and/or the time-out of a job; a null field is left as it is. */
public record UpdateJob(long jobKey, Integer retries, Duration timeout) {}
