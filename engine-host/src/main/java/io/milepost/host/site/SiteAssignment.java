package io.milepost.host.site;

import io.milepost.host.plugin.PluginCoordinates;
import java.time.Instant;

/** A site runs {@code plugin} for every job of {@code jobType}, since {@code assignedAt}. */
public record SiteAssignment(String siteId, String jobType, PluginCoordinates plugin, Instant assignedAt) {}
