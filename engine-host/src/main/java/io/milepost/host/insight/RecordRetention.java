package io.milepost.host.insight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long raw step records are kept ({@code milepost.steps.record-retention}). Before {@link #keptFrom()} records
 * may be gone, and only the hourly rollups, which are kept, answer for that time.
 *
 * @param clock the clock step records are timed by
 */
public record RecordRetention(Duration retention, Clock clock) {

  /** Three months of single steps to look into; the hourly figures stay for as long as the host runs. */
  public static final Duration DEFAULT = Duration.ofDays(90);

  public RecordRetention {
    if (retention == null || retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("Expected milepost.steps.record-retention to be more than 0 (e.g. 90d or "
          + "P90D), but it was " + retention);
    }
  }

  /** The oldest start time of a step record that is still kept. */
  public Instant keptFrom() {
    return clock.instant().minus(retention);
  }
}
