package io.milepost.engine.api;

/**
 * Whether the engine can apply commands now.
 *
 * @param writing the writer thread is running (false once closed, or if it has stopped)
 * @param queuedCommands commands waiting for the writer
 */
public record EngineStatus(boolean writing, int queuedCommands) {}
