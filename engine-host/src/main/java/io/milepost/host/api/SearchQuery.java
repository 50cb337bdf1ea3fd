package io.milepost.host.api;

import io.milepost.engine.api.PageRequest;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body every {@code POST /v2/.../search} takes: {@code filter}, {@code page} and {@code sort}. Results are
 * sorted by key; a sort on the key field may turn that around. A page is asked for either by offset
 * ({@code from}, {@code limit}) or by cursor ({@code after} or {@code before} a cursor of a previous answer, and
 * {@code limit}), as in Camunda 8.
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
  public SearchPaging paging(String keyField, String... keyOrderFields) {
    boolean descending = descendingByKey(keyField, List.of(keyOrderFields));
    String search = keyField + ":" + fingerprint();
    int limit = page == null || page.limit() == null ? PageRequest.DEFAULT_LIMIT : page.limit();
    if (page == null || (page.after() == null && page.before() == null)) {
      int from = page == null || page.from() == null ? 0 : page.from();
      return new SearchPaging(new PageRequest(from, limit, descending), limit, search);
    }
    if (page.from() != null) {
      throw ApiException.invalidArgument("Expected either offset paging (page.from) or cursor paging (page.after or "
          + "page.before), but found page.from together with page." + (page.after() != null ? "after" : "before"));
    }
    if (page.after() != null && page.before() != null) {
      throw ApiException.invalidArgument("Expected one cursor (page.after or page.before), but found both");
    }
    if (page.after() != null) {
      int last = SearchCursor.decode("page.after", page.after(), search).position();
      return new SearchPaging(new PageRequest(last + 1, limit, descending), limit, search);
    }
    int first = SearchCursor.decode("page.before", page.before(), search).position();
    int from = Math.max(0, first - limit);
    return new SearchPaging(new PageRequest(from, limit, descending), first - from, search);
  }

  /** Tells searches apart that a cursor must not cross: another filter or sort means other positions. */
  private String fingerprint() {
    String filterText = filter == null || filter.isNull() ? "" : filter.toString();
    String sortText = sort == null ? "[]" : sort.toString();
    return Integer.toHexString((filterText + sortText).hashCode());
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
