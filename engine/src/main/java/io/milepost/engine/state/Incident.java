package io.milepost.engine.state;

import io.milepost.engine.api.IncidentState;

/** An incident as processing sees it. */
public record Incident(long key, long processInstanceKey, long elementInstanceKey, String elementId, Long jobKey,
    String errorType, String errorMessage, IncidentState state) {}
