package io.milepost.host.insight;

import java.time.Instant;
import java.util.Locale;

/**
 * Filters of {@code GET /api/insights/steps}; null means any.
 *
 * @param bucket null for one row per site, job type and version over the whole window, else rows per
 *     minute, hour or day
 */
public record InsightQuery(String jobType, String siteId, String pluginVersion, Instant from, Instant to,
    Bucket bucket) {

  /** A time bucket, as SQL's {@code DATE_TRUNC} names it (the same in H2 and PostgreSQL). */
  public enum Bucket {
    MINUTE(60), HOUR(3600), DAY(86400);

    private final long seconds;

    Bucket(long seconds) {
      this.seconds = seconds;
    }

    public long seconds() {
      return seconds;
    }

    public static Bucket parse(String value) {
      try {
        return value == null || value.isBlank() ? null : valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Expected bucket 'minute', 'hour' or 'day', but it was '" + value + "'");
      }
    }
  }
}
