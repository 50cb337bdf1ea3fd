package io.milepost.engine.api;

import java.util.List;

/**
 * One page of a search, with the number of matches. Searches count at most a bounded number of matches, so
 * that their cost does not grow with history: when there are more, {@code totalItems} is that bound and
 * {@code hasMoreTotalItems} is true (as in the Camunda 8 search API); otherwise {@code totalItems} is exact.
 */
public record Page<T>(List<T> items, long totalItems, boolean hasMoreTotalItems) {

  /** A page whose total is exact. */
  public Page(List<T> items, long totalItems) {
    this(items, totalItems, false);
  }
}
