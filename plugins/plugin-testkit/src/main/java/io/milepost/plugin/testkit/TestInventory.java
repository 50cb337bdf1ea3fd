package io.milepost.plugin.testkit;

import io.milepost.plugin.api.Inventory;
import io.milepost.plugin.api.Reservation;
import io.milepost.plugin.api.StockPosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The network's stock in memory, for unit tests of handlers that read or change it; one instance stands
 * for one process (reservations are by reference). It follows the host's rules: reservations all or
 * nothing and never past what is available, shipping and releasing only open reservations, arrivals only
 * of units in transit. Share one instance between the contexts of a journey with {@link
 * TestStepContext.Builder#inventory(Inventory)}.
 *
 * <pre>{@code
 * var stock = new TestInventory().onHand("fc-west-1", "BK-1001", 120);
 * }</pre>
 */
public final class TestInventory implements Inventory {

  private final Map<String, int[]> positions = new TreeMap<>();
  private final Map<String, Reservation> reservations = new LinkedHashMap<>();
  private final List<String> movements = new ArrayList<>();

  /** Sets the units on hand of a SKU at a site, as an import would. */
  public synchronized TestInventory onHand(String siteId, String sku, int units) {
    counts(siteId, sku)[0] = units;
    return this;
  }

  /** Every change made so far, e.g. {@code RESERVED fc-west-1 BK-1001 2 o-1}, oldest first. */
  public synchronized List<String> movements() {
    return List.copyOf(movements);
  }

  @Override
  public synchronized List<StockPosition> positions(String sku) {
    return positions.keySet().stream().filter(key -> key.endsWith("|" + sku))
        .map(key -> position(key.substring(0, key.indexOf('|')), sku)).toList();
  }

  @Override
  public synchronized StockPosition position(String siteId, String sku) {
    int[] c = positions.getOrDefault(siteId + "|" + sku, new int[3]);
    return new StockPosition(siteId, sku, c[0], c[1], c[2]);
  }

  @Override
  public synchronized boolean reserve(String siteId, String reference, Map<String, Integer> unitsBySku) {
    Reservation held = reservations.get(reference);
    if (held != null) {
      if (!held.siteId().equals(siteId)) {
        throw new IllegalStateException("Expected to reserve " + reference + " at " + siteId
            + ", but this process already holds its reservation at " + held.siteId());
      }
      return true;
    }
    if (unitsBySku.entrySet().stream().anyMatch(e -> position(siteId, e.getKey()).available() < e.getValue())) {
      return false;
    }
    unitsBySku.forEach((sku, units) -> {
      counts(siteId, sku)[1] += units;
      movements.add("RESERVED " + siteId + " " + sku + " " + units + " " + reference);
    });
    reservations.put(reference, new Reservation(reference, siteId, unitsBySku, Reservation.State.OPEN));
    return true;
  }

  @Override
  public synchronized Optional<Reservation> reservation(String reference) {
    return Optional.ofNullable(reservations.get(reference));
  }

  @Override
  public synchronized Optional<Reservation> ship(String siteId, String reference) {
    Reservation held = reservations.get(reference);
    if (held == null) {
      return Optional.empty();
    }
    if (!held.siteId().equals(siteId) || held.state() == Reservation.State.RELEASED) {
      throw new IllegalStateException("Expected an open reservation of " + reference + " at " + siteId
          + ", but found it " + held.state() + " at " + held.siteId());
    }
    if (held.state() == Reservation.State.OPEN) {
      held.unitsBySku().forEach((sku, units) -> {
        counts(siteId, sku)[0] -= units;
        counts(siteId, sku)[1] -= units;
        movements.add("SHIPPED " + siteId + " " + sku + " " + units + " " + reference);
      });
      reservations.put(reference, new Reservation(reference, siteId, held.unitsBySku(), Reservation.State.SHIPPED));
    }
    return reservation(reference);
  }

  @Override
  public synchronized Optional<Reservation> release(String reference) {
    Reservation held = reservations.get(reference);
    if (held != null && held.state() == Reservation.State.OPEN) {
      held.unitsBySku().forEach((sku, units) -> {
        counts(held.siteId(), sku)[1] -= units;
        movements.add("RELEASED " + held.siteId() + " " + sku + " " + units + " " + reference);
      });
      reservations.put(reference, new Reservation(reference, held.siteId(), held.unitsBySku(), Reservation.State.RELEASED));
    }
    return reservation(reference);
  }

  @Override
  public synchronized void addInTransit(String siteId, String sku, int units, String reference) {
    counts(siteId, sku)[2] += units;
    movements.add("IN_TRANSIT " + siteId + " " + sku + " " + units + " " + reference);
  }

  @Override
  public synchronized void arrive(String siteId, String sku, int units, String reference) {
    int[] c = counts(siteId, sku);
    if (c[2] < units) {
      throw new IllegalStateException("Expected " + units + " units of " + sku + " in transit to " + siteId
          + " for " + reference + ", but only " + c[2] + " are");
    }
    c[2] -= units;
    c[0] += units;
    movements.add("ARRIVED " + siteId + " " + sku + " " + units + " " + reference);
  }

  private int[] counts(String siteId, String sku) {
    return positions.computeIfAbsent(siteId + "|" + sku, key -> new int[3]);
  }
}
