package io.milepost.host.inventory;

import java.time.Instant;

/**
 * One change to a position, with what made it: the order or shipment ({@code reference}) and the job
 * step, or an import and who ran it.
 *
 * @param processInstanceKey the process instance whose job made the change, null for an import
 */
record Movement(long id, String siteId, String sku, MovementKind kind, int onHandChange, int reservedChange,
    int inTransitChange, String reference, Long processInstanceKey, Long jobKey, String step, String actor,
    Instant createdAt) {}
