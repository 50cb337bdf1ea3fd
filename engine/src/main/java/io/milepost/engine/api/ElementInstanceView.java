package io.milepost.engine.api;

import java.time.Instant;

/** One activation of a flow element (the process instance itself is the one of type PROCESS). */
public record ElementInstanceView(long key, long processInstanceKey, Long flowScopeKey, String elementId,
    String elementType, String state, Instant startDate, Instant endDate, boolean hasIncident) {}
