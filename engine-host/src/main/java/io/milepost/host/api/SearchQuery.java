package io.milepost.host.api;

import io.milepost.engine.api.PageRequest;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body every {@code POST /v2/.../search} takes: {@code filter}, {@code page} (offset paging)
 * and {@code sort}. Results are sorted by key; a sort on the key field may turn that around.
 */
public record SearchQuery(JsonNode filter, PageBody page, List<SortBody> sort) {

  public record PageBody(Integer from, Integer limit, String after, String before) {}

  public record SortBody(String field, String order) {}

  public SearchFilter filter(String... supportedFields) {
    return new SearchFilter(filter, List.of(supportedFields));
  }

  /**
   * @param keyField the field whose order is the key's
   * @param keyOrderFields fields that grow with the key (creation dates, versions): sorting by them is sorting by key
   */
  public PageRequest pageRequest(String keyField, String... keyOrderFields) {
    if (page != null && (page.after() != null || page.before() != null)) {
      throw ApiException.invalidArgument(
          "Expected offset paging (page.from and page.limit), but found cursor paging (page.after/page.before)");
    }
    int from = page == null || page.from() == null ? 0 : page.from();
    int limit = page == null || page.limit() == null ? PageRequest.DEFAULT_LIMIT : page.limit();
    return new PageRequest(from, limit, descendingByKey(keyField, List.of(keyOrderFields)));
  }

  private boolean descendingByKey(String keyField, List<String> keyOrderFields) {
    if (sort == null || sort.isEmpty()) {
      return false;
    }
    SortBody first = sort.getFirst();
    return (keyField.equals(first.field()) || keyOrderFields.contains(first.field()))
        && "DESC".equalsIgnoreCase(first.order());
  }
}
