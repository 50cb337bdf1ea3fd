package io.milepost.host.web.operations;

import io.milepost.engine.api.ProcessInstanceState;
import java.time.Instant;

/** One process instance in the search results. */
public record InstanceRow(long key, String bpmnProcessId, int version, ProcessInstanceState state, Instant startDate,
    Instant endDate, boolean hasIncident, String businessId) {}
