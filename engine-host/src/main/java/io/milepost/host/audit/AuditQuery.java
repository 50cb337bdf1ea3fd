package io.milepost.host.audit;

import java.time.Instant;

/**
 * Filters of the audit log; null means any. {@code from} inclusive, {@code to} exclusive.
 *
 * @param page zero-based
 * @param size entries per page
 */
public record AuditQuery(String siteId, String pluginId, String rolloutId, Instant from, Instant to, int page,
    int size) {

  public static final int MAX_SIZE = 500;

  public AuditQuery {
    if (page < 0) {
      throw new IllegalArgumentException("Expected page 0 or more, but it was " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("Expected size between 1 and " + MAX_SIZE + ", but it was " + size);
    }
  }
}
