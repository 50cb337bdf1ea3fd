package io.milepost.plugins.receivecenter;

import io.milepost.plugins.receivecenter.Network.Building;
import java.util.Comparator;
import java.util.Optional;

/**
 * Chooses the building that fulfils a customer order, whole (one order ships from one building).
 *
 * <p>The order's {@link FulfillmentType} decides the building type. Among the buildings of that type
 * that have every line in stock, one in the customer's region wins over any other region (same-region
 * middle mile, no linehaul); within a group the nearest to the destination postal code wins, then the
 * lower site id. With scope {@link Scope#REGION} other regions are not considered.
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

  Optional<Allocation> allocate(Order order, Scope scope) {
    FulfillmentType type = order.fulfillmentType();
    network.requireRegion(order.customerRegion());
    return network.buildings(type.buildingType).stream()
        .filter(building -> scope == Scope.NETWORK || building.region().equals(order.customerRegion()))
        .filter(building -> order.items().stream()
            .allMatch(item -> network.onHand(building.siteId(), item.sku()) >= item.quantity()))
        .map(building -> new Allocation(building, type, !building.region().equals(order.customerRegion()),
            network.distanceKm(building, order.destinationPostalCode())))
        .min(Comparator.comparing(Allocation::crossRegion)
            .thenComparingDouble(Allocation::distanceKm)
            .thenComparing(allocation -> allocation.building().siteId()));
  }
}
