package io.milepost.engine.api;

/** Offset paging; results are sorted by key ascending unless {@code descending}. */
public record PageRequest(int from, int limit, boolean descending) {

  public static final int DEFAULT_LIMIT = 100;

  public PageRequest {
    if (from < 0) {
      throw new RejectionException(RejectionType.INVALID_ARGUMENT,
          "Expected page 'from' to be 0 or more, but it was " + from);
    }
    if (limit < 1 || limit > 10_000) {
      throw new RejectionException(RejectionType.INVALID_ARGUMENT,
          "Expected page 'limit' between 1 and 10000, but it was " + limit);
    }
  }

  public static PageRequest first(int limit) {
    return new PageRequest(0, limit, false);
  }

  public static PageRequest defaults() {
    return first(DEFAULT_LIMIT);
  }
}
