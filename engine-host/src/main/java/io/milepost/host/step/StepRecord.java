package io.milepost.host.step;

import java.time.Instant;

/**
 * One job the host's workers handled: where it ran, on which plugin version, how it ended.
 *
 * @param siteId the job's site, null when the job named none or an unknown one
 * @param pluginId the plugin that ran it, null when none was found
 * @param message why it did not complete (the failure or BPMN error message), else null
 * @param durationMs how long the plugin ran (up to the budget when it timed out)
 * @param dataVersions the site data versions the plugin read, e.g. {@code slotting@3}; null when none
 */
public record StepRecord(long jobKey, long processInstanceKey, String elementId, String jobType, String siteId,
    String pluginId, String pluginVersion, StepOutcome outcome, String message, Instant startedAt, long durationMs,
    String dataVersions) {}
