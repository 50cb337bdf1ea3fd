package io.milepost.engine.api;

import java.time.Instant;

public record JobView(long key, String type, JobState state, int retries, String worker, Instant deadline,
    String errorMessage, long processInstanceKey, String elementId, long elementInstanceKey, String bpmnProcessId) {}
