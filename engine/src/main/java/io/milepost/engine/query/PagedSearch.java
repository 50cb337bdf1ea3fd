package io.milepost.engine.query;

import io.milepost.engine.api.Page;
import io.milepost.engine.api.PageRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a search over a table: sorted by the search index's leading columns and the key, with a total
 * that counts at most {@code maxTotalItems} matches (see {@link JdbcEngineQueries}).
 */
final class PagedSearch {

  private final Jdbc jdbc;
  private final int maxTotalItems;

  PagedSearch(Jdbc jdbc, int maxTotalItems) {
    this.jdbc = jdbc;
    this.maxTotalItems = maxTotalItems;
  }

  static String orderBy(List<String> indexPrefix, String keyColumn, PageRequest page) {
    String direction = page.descending() ? " DESC" : " ASC";
    List<String> orderColumns = new ArrayList<>(indexPrefix);
    orderColumns.add(keyColumn);
    return " ORDER BY " + String.join(direction + ", ", orderColumns) + direction;
  }

  <T> Page<T> search(String from, List<String> indexPrefix, String keyColumn, Where where, PageRequest page,
      Jdbc.RowMapper<T> mapper) {
    return search("*", from, orderBy(indexPrefix, keyColumn, page), where, page, mapper);
  }

  <T> Page<T> search(String columns, String from, String order, Where where, PageRequest page,
      Jdbc.RowMapper<T> mapper) {
    List<Object> pageParameters = new ArrayList<>(where.parameters());
    pageParameters.add(page.from());
    pageParameters.add(page.limit());
    return jdbc.withConnection(connection -> {
      List<T> items = Jdbc.list(connection,
          "SELECT " + columns + " FROM " + from + where.sql() + order + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", pageParameters,
          mapper);
      if (items.size() < page.limit() && (!items.isEmpty() || page.from() == 0)) {
        // the page ends before the limit: it holds the last match, so the total is known without counting
        return new Page<>(items, (long) page.from() + items.size());
      }
      if (where.sql().isEmpty() && isH2(connection)) {
        // H2 keeps the row count of a table: counting all rows is a lookup, so the total can be exact
        long all = Jdbc.list(connection, "SELECT COUNT(*) FROM " + from, List.of(), row -> row.getLong(1)).getFirst();
        return new Page<>(items, all);
      }
      List<Object> countParameters = new ArrayList<>(where.parameters());
      countParameters.add(maxTotalItems + 1);
      long counted = Jdbc.list(connection, "SELECT COUNT(*) FROM (SELECT 1 AS one FROM " + from + where.sql()
          + " FETCH FIRST ? ROWS ONLY) capped", countParameters, row -> row.getLong(1)).getFirst();
      return counted > maxTotalItems ? new Page<>(items, maxTotalItems, true) : new Page<>(items, counted);
    });
  }

  private static boolean isH2(Connection connection) throws SQLException {
    return "H2".equals(connection.getMetaData().getDatabaseProductName());
  }
}
