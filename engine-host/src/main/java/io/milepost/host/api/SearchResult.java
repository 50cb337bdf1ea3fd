package io.milepost.host.api;

import io.milepost.engine.api.Page;
import java.util.List;
import java.util.function.Function;

/** The answer of every search: one page of {@code items} and the total count of matches. */
public record SearchResult<T>(List<T> items, PageInfo page) {

  public record PageInfo(long totalItems, boolean hasMoreTotalItems, String startCursor, String endCursor) {}

  public static <V, T> SearchResult<T> of(Page<V> page, Function<V, T> toItem) {
    return new SearchResult<>(page.items().stream().map(toItem).toList(),
        new PageInfo(page.totalItems(), false, null, null));
  }
}
