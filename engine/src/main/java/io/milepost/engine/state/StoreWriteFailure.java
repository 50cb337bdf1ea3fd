package io.milepost.engine.state;

import java.time.Instant;

/**
 * The store cannot write: its last writing transaction failed.
 *
 * @param since when the first of the failures in a row happened
 * @param reason what that failure said
 */
public record StoreWriteFailure(Instant since, String reason) {}
