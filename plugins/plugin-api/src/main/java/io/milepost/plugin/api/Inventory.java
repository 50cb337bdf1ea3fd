package io.milepost.plugin.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The network's stock as a step sees it: positions per site and SKU, and the changes a step makes to
 * them. Reached through {@link StepContext#inventory()}.
 *
 * <p>Every change names a {@code reference}: the order or shipment that makes it. The host makes each
 * change at most once per process instance, step, reference and SKU, so a job delivered twice (a retry,
 * a redelivery after a timeout) changes nothing the second time. Changes never oversell: a reservation
 * is made only while the units are available, even with many jobs at once.
 */
public interface Inventory {

  /** Every site's position of {@code sku} (sites that never held or expected it are left out). */
  List<StockPosition> positions(String sku);

  /** The position of {@code sku} at {@code siteId}; all zero when the site never held it. */
  StockPosition position(String siteId, String sku);

  /**
   * Reserves the units of every SKU in {@code unitsBySku} at {@code siteId} for {@code reference}, all or
   * nothing. Returns true when they are reserved now, or were already reserved at this site for this
   * reference in this process; false when some SKU has fewer units available, and then nothing changed.
   *
   * @throws IllegalStateException when this process already holds a reservation for the reference at
   *     another site
   */
  boolean reserve(String siteId, String reference, Map<String, Integer> unitsBySku);

  /** The reservation this process holds for {@code reference}, open, shipped or released. */
  Optional<Reservation> reservation(String reference);

  /**
   * Turns the open reservation of {@code reference} at {@code siteId} into a shipment: the units leave
   * the site (on hand and reserved go down). Returns the reservation as it is now; empty when the process
   * holds none for the reference.
   *
   * @throws IllegalStateException when the reservation is at another site, or was released
   */
  Optional<Reservation> ship(String siteId, String reference);

  /** Gives the open reservation of {@code reference} back to available stock; empty when there is none. */
  Optional<Reservation> release(String reference);

  /** Books {@code units} of {@code sku} as on their way to {@code siteId} (in transit goes up). */
  void addInTransit(String siteId, String sku, int units, String reference);

  /** Books {@code units} of {@code sku} in transit to {@code siteId} as arrived (in transit down, on hand up). */
  void arrive(String siteId, String sku, int units, String reference);
}
