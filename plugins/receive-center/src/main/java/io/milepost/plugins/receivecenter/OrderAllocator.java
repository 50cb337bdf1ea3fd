package io.milepost.plugins.receivecenter;

import io.milepost.network.Order;
import io.milepost.plugin.api.Inventory;
import io.milepost.plugins.receivecenter.Network.Building;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the building that fulfils a customer order, whole (one order ships from one building), and
 * reserves the order's units there.
 *
 * <p>The order's {@link FulfillmentType} (decided by the table fulfillment-type) gives the building type. Among the buildings of that type
 * that have every line available, one in the customer's region wins over any other region (same-region
 * middle mile, no linehaul); within a group the nearest to the destination postal code wins, then the
 * lower site id. With scope {@link Scope#REGION} other regions are not considered. When another order
 * takes the last units between the look and the reservation, the next building is tried.
 */
final class OrderAllocator {

  /** How far the allocation may look. */
  enum Scope { REGION, NETWORK }

  /** The chosen building and why it is a good choice. */
  record Allocation(Building building, FulfillmentType type, boolean crossRegion, double distanceKm) {}

  private final Network network;

  OrderAllocator(Network network) {
    this.network = network;
  }

  /**
   * The building holding the order's units: the one this process reserved them at before (a job
   * delivered again), else the best building that can reserve them now; empty when none can.
   */
  Optional<Allocation> allocate(Order order, FulfillmentType type, Scope scope, Inventory stock) {
    network.requireRegion(order.customerRegion());
    var held = stock.reservation(order.orderId());
    if (held.isPresent()) {
      return Optional.of(allocation(network.building(held.get().siteId()), type, order));
    }
    Map<String, Integer> units = order.unitsBySku();
    return ranked(order, type, scope).stream()
        .filter(candidate -> units.entrySet().stream().allMatch(line ->
            stock.position(candidate.building().siteId(), line.getKey()).available() >= line.getValue()))
        .filter(candidate -> stock.reserve(candidate.building().siteId(), order.orderId(), units))
        .findFirst();
  }

  private List<Allocation> ranked(Order order, FulfillmentType type, Scope scope) {
    return network.buildings(type.buildingType).stream()
        .filter(building -> scope == Scope.NETWORK || building.region().equals(order.customerRegion()))
        .map(building -> allocation(building, type, order))
        .sorted(Comparator.comparing(Allocation::crossRegion)
            .thenComparingDouble(Allocation::distanceKm)
            .thenComparing(allocation -> allocation.building().siteId()))
        .toList();
  }

  private Allocation allocation(Building building, FulfillmentType type, Order order) {
    return new Allocation(building, type, !building.region().equals(order.customerRegion()),
        network.distanceKm(building, order.destinationPostalCode()));
  }
}
