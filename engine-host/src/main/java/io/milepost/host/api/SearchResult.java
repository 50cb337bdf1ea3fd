package io.milepost.host.api;

import io.milepost.engine.api.Page;
import java.util.List;
import java.util.function.Function;

/**
 * The answer of every search: one page of {@code items} and the count of matches; {@code hasMoreTotalItems}
 * says that count stopped at the engine's bound and there are more.
 */
public record SearchResult<T>(List<T> items, PageInfo page) {

  public record PageInfo(long totalItems, boolean hasMoreTotalItems, String startCursor, String endCursor) {}

  public static <V, T> SearchResult<T> of(Page<V> page, Function<V, T> toItem) {
    return new SearchResult<>(page.items().stream().map(toItem).toList(),
        new PageInfo(page.totalItems(), page.hasMoreTotalItems(), null, null));
  }
}
