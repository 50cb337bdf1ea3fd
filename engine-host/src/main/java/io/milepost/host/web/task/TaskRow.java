package io.milepost.host.web.task;

import java.time.Instant;
import java.util.List;

/**
 * One open user task as the task list shows it.
 *
 * @param businessId the order id, shipment id or parcel tracking id of its process instance, null if none
 * @param dueDate as the model set it (ISO-8601), null when it has none
 */
public record TaskRow(long key, String name, String bpmnProcessId, long processInstanceKey, String businessId,
    String siteId, Instant created, String dueDate, boolean overdue, String assignee, int priority,
    List<String> candidateGroups) {}
