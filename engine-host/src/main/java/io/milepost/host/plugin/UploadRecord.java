package io.milepost.host.plugin;

import java.time.Instant;

/** A plugin version that came through {@code POST /api/plugins}: its jar is {@code <sha256>.jar} in the store. */
public record UploadRecord(PluginCoordinates coordinates, String sha256, String uploadedBy, Instant uploadedAt) {}
