package io.milepost.engine.api;

import java.time.Duration;
import java.util.Map;

/** Publishes a message; it waits up to {@code timeToLive} for a subscription to correlate to. */
public record PublishMessage(
    String name, String correlationKey, Duration timeToLive, String messageId, Map<String, Object> variables) {}
