package io.milepost.host.inventory;

import io.milepost.host.inventory.MovementLedger.Entry;
import io.milepost.plugin.api.Reservation;
import io.milepost.plugin.api.StockPosition;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The changes jobs make to stock, each in one transaction with its ledger entries.
 *
 * <p>No oversell: a reservation is a conditional update ({@code on_hand - reserved >= units}) that holds
 * the position's row lock until commit, so of many jobs at once only those the units cover succeed, on
 * H2 and PostgreSQL alike. Lines are reserved in SKU order so two multi-line orders cannot deadlock.
 *
 * <p>At most once per job: a reservation is keyed by instance and reference, shipping and releasing move
 * it from OPEN, and in-transit bookings carry a unique change key. A second delivery of the same job
 * finds its change made; if both deliveries run at once, the unique key makes one of them roll back.
 */
final class StockChanges {

  /** The actor of a release no job made: the instance ended terminated (cancelled, or with its parent). */
  static final String TERMINATED_ACTOR = "instance terminated";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final StockPositions positions;
  private final Reservations reservations;
  private final MovementLedger ledger;

  StockChanges(JdbcClient jdbc, TransactionTemplate transactions, StockPositions positions, Reservations reservations,
      MovementLedger ledger) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.positions = positions;
    this.reservations = reservations;
    this.ledger = ledger;
  }

  boolean reserve(JobScope job, String siteId, String reference, Map<String, Integer> unitsBySku) {
    try {
      return Boolean.TRUE.equals(transactions.execute(status -> {
        List<Reservations.Line> held = reservations.lines(job.processInstanceKey(), reference, false);
        if (!held.isEmpty()) {
          return heldAt(held, siteId, reference);
        }
        OffsetDateTime now = positions.now();
        for (Map.Entry<String, Integer> line : new TreeMap<>(unitsBySku).entrySet()) {
          int updated = jdbc.sql("UPDATE inventory_position SET reserved = reserved + ?, updated_at = ?"
                  + " WHERE site_id = ? AND sku = ? AND on_hand - reserved >= ?")
              .params(line.getValue(), now, siteId, line.getKey(), line.getValue())
              .update();
          if (updated == 0) {
            status.setRollbackOnly();
            return false;
          }
        }
        for (Map.Entry<String, Integer> line : new TreeMap<>(unitsBySku).entrySet()) {
          reservations.add(job.processInstanceKey(), reference, siteId, line.getKey(), line.getValue(), now);
          ledger.add(new Entry(key(job, reference, MovementKind.RESERVED, siteId, line.getKey()), siteId, line.getKey(),
              MovementKind.RESERVED, 0, line.getValue(), 0, reference, job, null), now);
        }
        return true;
      }));
    } catch (DuplicateKeyException otherDeliveryReserved) {
      return heldAt(reservations.lines(job.processInstanceKey(), reference, false), siteId, reference);
    }
  }

  Optional<Reservation> ship(JobScope job, String siteId, String reference) {
    return transactions.execute(status -> {
      List<Reservations.Line> held = reservations.lines(job.processInstanceKey(), reference, true);
      if (held.isEmpty()) {
        return Optional.<Reservation>empty();
      }
      Reservations.Line first = held.getFirst();
      if (!first.siteId().equals(siteId)) {
        throw new IllegalStateException("Expected the reservation of " + reference + " at " + siteId
            + ", but it is at " + first.siteId());
      }
      if (first.state() == Reservation.State.RELEASED) {
        throw new IllegalStateException("Expected an open reservation of " + reference + " at " + siteId
            + " to ship, but it was released");
      }
      if (first.state() == Reservation.State.OPEN) {
        settle(job, reference, held, MovementKind.SHIPPED, Reservation.State.SHIPPED);
      }
      return reservations.find(job.processInstanceKey(), reference);
    });
  }

  Optional<Reservation> release(JobScope job, String reference) {
    return transactions.execute(status -> {
      List<Reservations.Line> held = reservations.lines(job.processInstanceKey(), reference, true);
      if (!held.isEmpty() && held.getFirst().state() == Reservation.State.OPEN) {
        settle(job, reference, held, MovementKind.RELEASED, Reservation.State.RELEASED);
      }
      return reservations.find(job.processInstanceKey(), reference);
    });
  }

  /**
   * Releases every reservation the instance still holds open, for an instance that ended terminated; part of the
   * caller's transaction. A reservation its model already shipped or released is left as it is.
   *
   * @return how many reservations were released
   */
  int releaseAllHeldBy(long processInstanceKey) {
    JobScope ended = JobScope.terminated(processInstanceKey);
    int released = 0;
    for (String reference : reservations.openReferences(processInstanceKey)) {
      List<Reservations.Line> held = reservations.lines(processInstanceKey, reference, true);
      if (!held.isEmpty() && held.getFirst().state() == Reservation.State.OPEN) {
        settle(ended, reference, held, MovementKind.RELEASED, Reservation.State.RELEASED);
        released++;
      }
    }
    return released;
  }

  void addInTransit(JobScope job, String siteId, String sku, int units, String reference) {
    book(job, siteId, sku, units, reference, MovementKind.IN_TRANSIT);
  }

  void arrive(JobScope job, String siteId, String sku, int units, String reference) {
    book(job, siteId, sku, units, reference, MovementKind.ARRIVED);
  }

  /** Ships or releases every line: the units leave the reservation (and the site, when shipped). */
  private void settle(JobScope job, String reference, List<Reservations.Line> held, MovementKind kind,
      Reservation.State state) {
    OffsetDateTime now = positions.now();
    int onHandChange = kind == MovementKind.SHIPPED ? 1 : 0;
    for (Reservations.Line line : held) {
      jdbc.sql("UPDATE inventory_position SET on_hand = on_hand - ?, reserved = reserved - ?, updated_at = ?"
              + " WHERE site_id = ? AND sku = ?")
          .params(line.quantity() * onHandChange, line.quantity(), now, line.siteId(), line.sku())
          .update();
      ledger.add(new Entry(key(job, reference, kind, line.siteId(), line.sku()), line.siteId(), line.sku(), kind,
          -line.quantity() * onHandChange, -line.quantity(), 0, reference, job,
          job.jobKey() == null ? TERMINATED_ACTOR : null), now);
    }
    reservations.setState(job.processInstanceKey(), reference, state, now);
  }

  /** An in-transit or arrival booking, once per instance, step, reference, site and SKU. */
  private void book(JobScope job, String siteId, String sku, int units, String reference, MovementKind kind) {
    String changeKey = job.processInstanceKey() + "|" + job.step() + "|" + reference + "|" + kind + "|" + siteId
        + "|" + sku;
    boolean arrival = kind == MovementKind.ARRIVED;
    positions.ensure(siteId, sku);
    try {
      transactions.executeWithoutResult(status -> {
        if (ledger.contains(changeKey)) {
          return;
        }
        OffsetDateTime now = positions.now();
        int updated = arrival
            ? jdbc.sql("UPDATE inventory_position SET in_transit = in_transit - ?, on_hand = on_hand + ?, updated_at = ?"
                    + " WHERE site_id = ? AND sku = ? AND in_transit >= ?")
                .params(units, units, now, siteId, sku, units).update()
            : jdbc.sql("UPDATE inventory_position SET in_transit = in_transit + ?, updated_at = ? WHERE site_id = ? AND sku = ?")
                .params(units, now, siteId, sku).update();
        if (updated == 0) {
          int inTransit = positions.find(siteId, sku).map(StockPosition::inTransit).orElse(0);
          throw new IllegalStateException("Expected " + units + " units of " + sku + " in transit to " + siteId
              + " for " + reference + ", but only " + inTransit + " are");
        }
        ledger.add(new Entry(changeKey, siteId, sku, kind, arrival ? units : 0, 0, arrival ? -units : units, reference,
            job, null), now);
      });
    } catch (DuplicateKeyException otherDeliveryBooked) {
      // the same job, delivered twice at once, booked it in the other delivery
    }
  }

  private static boolean heldAt(List<Reservations.Line> held, String siteId, String reference) {
    if (held.isEmpty()) {
      return false;
    }
    String heldSite = held.getFirst().siteId();
    if (!heldSite.equals(siteId)) {
      throw new IllegalStateException("Expected to reserve " + reference + " at " + siteId
          + ", but this process already holds its reservation at " + heldSite);
    }
    return true;
  }

  private static String key(JobScope job, String reference, MovementKind kind, String siteId, String sku) {
    return job.processInstanceKey() + "|" + reference + "|" + kind + "|" + siteId + "|" + sku;
  }
}
