package io.milepost.host.inventory;

import io.milepost.plugin.api.Reservation;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The units process instances hold for their orders (table {@code inventory_reservation}). */
final class Reservations {

  /** One SKU of a reservation. */
  record Line(String siteId, String sku, int quantity, Reservation.State state) {}

  private final JdbcClient jdbc;

  Reservations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The lines of the instance's reservation for the reference, by SKU; locked when {@code forUpdate}. */
  List<Line> lines(long processInstanceKey, String reference, boolean forUpdate) {
    return jdbc.sql("SELECT site_id, sku, quantity, state FROM inventory_reservation"
            + " WHERE process_instance_key = ? AND reference = ? ORDER BY sku" + (forUpdate ? " FOR UPDATE" : ""))
        .params(processInstanceKey, reference)
        .query((rs, n) -> new Line(rs.getString("site_id"), rs.getString("sku"), rs.getInt("quantity"),
            Reservation.State.valueOf(rs.getString("state"))))
        .list();
  }

  /** The references of the instance's reservations that are still open. */
  List<String> openReferences(long processInstanceKey) {
    return jdbc.sql("SELECT DISTINCT reference FROM inventory_reservation WHERE process_instance_key = ? AND state = ?"
            + " ORDER BY reference")
        .params(processInstanceKey, Reservation.State.OPEN.name())
        .query(String.class).list();
  }

  Optional<Reservation> find(long processInstanceKey, String reference) {
    return toReservation(reference, lines(processInstanceKey, reference, false));
  }

  /** Adds a line; a second delivery of the same job adding it fails with a DuplicateKeyException. */
  void add(long processInstanceKey, String reference, String siteId, String sku, int quantity, OffsetDateTime at) {
    jdbc.sql("INSERT INTO inventory_reservation (process_instance_key, reference, sku, site_id, quantity, state,"
            + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(processInstanceKey, reference, sku, siteId, quantity, Reservation.State.OPEN.name(), at)
        .update();
  }

  void setState(long processInstanceKey, String reference, Reservation.State state, OffsetDateTime at) {
    jdbc.sql("UPDATE inventory_reservation SET state = ?, updated_at = ? WHERE process_instance_key = ? AND reference = ?")
        .params(state.name(), at, processInstanceKey, reference)
        .update();
  }

  static Optional<Reservation> toReservation(String reference, List<Line> lines) {
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Integer> units = new LinkedHashMap<>();
    lines.forEach(line -> units.put(line.sku(), line.quantity()));
    return Optional.of(new Reservation(reference, lines.getFirst().siteId(), units, lines.getFirst().state()));
  }
}
