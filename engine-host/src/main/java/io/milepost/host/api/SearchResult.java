package io.milepost.host.api;

import java.util.List;

/**
 * The answer of every search: one page of {@code items} and the count of matches; {@code hasMoreTotalItems}
 * says that count stopped at the engine's bound and there are more. The cursors point at the first and the last
 * item (null when the page is empty); {@link SearchPaging#result} builds it.
 */
public record SearchResult<T>(List<T> items, PageInfo page) {

  public record PageInfo(long totalItems, boolean hasMoreTotalItems, String startCursor, String endCursor) {}
}
