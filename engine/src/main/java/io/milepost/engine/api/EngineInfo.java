package io.milepost.engine.api;

/** What the topology endpoint reports about this engine. */
public record EngineInfo(String version, int partitionsCount, String nodeId) {}
