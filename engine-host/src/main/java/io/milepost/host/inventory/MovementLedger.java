package io.milepost.host.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ledger of every change to a position (table {@code inventory_movement}). */
final class MovementLedger {

  /** A change to book: its unique key, the position, the deltas and what made it. */
  record Entry(String changeKey, String siteId, String sku, MovementKind kind, int onHandChange, int reservedChange,
      int inTransitChange, String reference, JobScope job, String actor) {}

  private final JdbcClient jdbc;

  MovementLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean contains(String changeKey) {
    return jdbc.sql("SELECT COUNT(*) FROM inventory_movement WHERE change_key = ?").param(changeKey)
        .query(Long.class).single() > 0;
  }

  boolean isEmpty() {
    return jdbc.sql("SELECT COUNT(*) FROM inventory_movement").query(Long.class).single() == 0;
  }

  /** Books the entry; a second entry with the same change key fails with a DuplicateKeyException. */
  void add(Entry entry, OffsetDateTime at) {
    JobScope job = entry.job();
    jdbc.sql("INSERT INTO inventory_movement (change_key, site_id, sku, kind, on_hand_change, reserved_change,"
            + " in_transit_change, reference, process_instance_key, job_key, step, actor, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(entry.changeKey(), entry.siteId(), entry.sku(), entry.kind().name(), entry.onHandChange(),
            entry.reservedChange(), entry.inTransitChange(), entry.reference(),
            job == null ? null : job.processInstanceKey(), job == null ? null : job.jobKey(),
            job == null ? null : job.step(), entry.actor(), at)
        .update();
  }

  /** Movements oldest first, optionally of one reference, site and/or SKU. */
  Page<Movement> page(String reference, String siteId, String sku, int page, int size) {
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    for (String[] filter : new String[][] {{"reference", reference}, {"site_id", siteId}, {"sku", sku}}) {
      if (filter[1] != null) {
        where.append(" AND ").append(filter[0]).append(" = ?");
        params.add(filter[1]);
      }
    }
    long total = jdbc.sql("SELECT COUNT(*) FROM inventory_movement" + where).params(params).query(Long.class).single();
    List<Movement> items = jdbc.sql("SELECT * FROM inventory_movement" + where + " ORDER BY id OFFSET "
            + (long) page * size + " ROWS FETCH NEXT " + size + " ROWS ONLY")
        .params(params).query(MovementLedger::row).list();
    return new Page<>(items, page, size, total);
  }

  private static Movement row(ResultSet rs, int rowNum) throws SQLException {
    return new Movement(rs.getLong("id"), rs.getString("site_id"), rs.getString("sku"),
        MovementKind.valueOf(rs.getString("kind")), rs.getInt("on_hand_change"), rs.getInt("reserved_change"),
        rs.getInt("in_transit_change"), rs.getString("reference"), rs.getObject("process_instance_key", Long.class),
        rs.getObject("job_key", Long.class), rs.getString("step"), rs.getString("actor"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
