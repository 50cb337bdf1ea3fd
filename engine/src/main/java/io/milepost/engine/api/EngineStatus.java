package io.milepost.engine.api;

import java.util.Optional;

/**
 * Whether the engine can apply commands now.
 *
 * @param writing the writer thread is running (false once closed, or if it has stopped)
 * @param queuedCommands commands waiting for their answer: for the writer, or (on H2) applied and waiting for the
 *     checkpoint that makes them durable
 * @param storeWriteFailure why the store cannot write (since when, and what its last failure said); empty while
 *     its writes commit. Commands are refused as retryable meanwhile, and the engine tries again by itself
 * @param diskShortage why commands are refused for want of disk space (the store's disk is below its free-disk
 *     watermark, see {@link DiskWatermark}); empty while there is room. Measured again when idle too
 */
public record EngineStatus(boolean writing, int queuedCommands, Optional<String> storeWriteFailure,
    Optional<String> diskShortage) {}
