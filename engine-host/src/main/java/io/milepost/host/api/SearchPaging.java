package io.milepost.host.api;

import io.milepost.engine.api.Page;
import io.milepost.engine.api.PageRequest;
import java.util.List;
import java.util.function.Function;

/**
 * The page a search asks the engine for, and how to answer it: the items (at most {@code wanted} of them) with
 * the cursors of the first and the last.
 *
 * @param request what to ask the engine for
 * @param wanted how many of the returned items to answer with: fewer than the request's limit only when
 *     {@code page.before} points at the first match, where the engine (whose limit is at least 1) is asked for
 *     one item that nothing precedes
 * @param search the search the cursors belong to ({@link SearchCursor#search()})
 */
public record SearchPaging(PageRequest request, int wanted, String search) {

  public <V, T> SearchResult<T> result(Page<V> page, Function<V, T> toItem) {
    List<V> items = page.items().size() > wanted ? page.items().subList(0, wanted) : page.items();
    String startCursor = items.isEmpty() ? null : new SearchCursor(search, request.from()).encode();
    String endCursor = items.isEmpty() ? null : new SearchCursor(search, request.from() + items.size() - 1).encode();
    return new SearchResult<>(items.stream().map(toItem).toList(),
        new SearchResult.PageInfo(page.totalItems(), page.hasMoreTotalItems(), startCursor, endCursor));
  }
}
