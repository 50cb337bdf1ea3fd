package io.milepost.host.inventory;

import io.milepost.plugin.api.StockPosition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the positions (table {@code inventory_position}) and creates empty ones where a change needs a row. */
final class StockPositions {

  private final JdbcClient jdbc;
  private final Clock clock;

  StockPositions(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  List<StockPosition> ofSku(String sku) {
    return jdbc.sql("SELECT * FROM inventory_position WHERE sku = ? ORDER BY site_id").param(sku)
        .query(StockPositions::row).list();
  }

  Optional<StockPosition> find(String siteId, String sku) {
    return jdbc.sql("SELECT * FROM inventory_position WHERE site_id = ? AND sku = ?").params(siteId, sku)
        .query(StockPositions::row).optional();
  }

  /** Positions by site and SKU, optionally of one site and/or one SKU. */
  Page<StockPosition> page(String siteId, String sku, int page, int size) {
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (siteId != null) {
      where.append(" AND site_id = ?");
      params.add(siteId);
    }
    if (sku != null) {
      where.append(" AND sku = ?");
      params.add(sku);
    }
    long total = jdbc.sql("SELECT COUNT(*) FROM inventory_position" + where).params(params).query(Long.class).single();
    List<StockPosition> items = jdbc.sql("SELECT * FROM inventory_position" + where
            + " ORDER BY site_id, sku OFFSET " + (long) page * size + " ROWS FETCH NEXT " + size + " ROWS ONLY")
        .params(params).query(StockPositions::row).list();
    return new Page<>(items, page, size, total);
  }

  /**
   * Creates an all-zero position unless one exists, outside any transaction of the caller: on PostgreSQL a
   * duplicate insert would abort the caller's transaction, here it only means another job was quicker.
   */
  void ensure(String siteId, String sku) {
    if (find(siteId, sku).isPresent()) {
      return;
    }
    try {
      jdbc.sql("INSERT INTO inventory_position (site_id, sku, on_hand, reserved, in_transit, updated_at)"
              + " VALUES (?, ?, 0, 0, 0, ?)")
          .params(siteId, sku, now()).update();
    } catch (DuplicateKeyException createdMeanwhile) {
      // the row exists, which is all this asked for
    }
  }

  OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static StockPosition row(ResultSet rs, int rowNum) throws SQLException {
    return new StockPosition(rs.getString("site_id"), rs.getString("sku"), rs.getInt("on_hand"), rs.getInt("reserved"),
        rs.getInt("in_transit"));
  }
}
