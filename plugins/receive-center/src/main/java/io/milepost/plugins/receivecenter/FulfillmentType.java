package io.milepost.plugins.receivecenter;

import io.milepost.network.Order;
import io.milepost.network.OrderItem;
import io.milepost.plugin.api.BuildingType;

/**
 * Which kind of building can fulfil an item. The sortable limits are the network's contract (see
 * plugins/README.md): an item is sortable when it weighs at most {@value #SORTABLE_MAX_WEIGHT_KG} kg and
 * no side is longer than {@value #SORTABLE_MAX_SIDE_CM} cm. Hazardous materials need a specialty
 * building's permits whatever their size.
 */
enum FulfillmentType {
  SORTABLE(BuildingType.SORTABLE_FC),
  BULKY(BuildingType.NON_SORTABLE_FC),
  SPECIALTY(BuildingType.SPECIALTY);

  static final double SORTABLE_MAX_WEIGHT_KG = 20.0;
  static final double SORTABLE_MAX_SIDE_CM = 45.0;

  final BuildingType buildingType;

  FulfillmentType(BuildingType buildingType) {
    this.buildingType = buildingType;
  }

  static FulfillmentType of(double weightKg, double lengthCm, double widthCm, double heightCm, String category) {
    if ("hazmat".equalsIgnoreCase(category)) {
      return SPECIALTY;
    }
    boolean sortable = weightKg <= SORTABLE_MAX_WEIGHT_KG
        && Math.max(lengthCm, Math.max(widthCm, heightCm)) <= SORTABLE_MAX_SIDE_CM;
    return sortable ? SORTABLE : BULKY;
  }

  static FulfillmentType of(OrderItem item) {
    return of(item.weightKg(), item.lengthCm(), item.widthCm(), item.heightCm(), item.category());
  }

  /** The type that can take every item of the order (one order ships whole from one building). */
  static FulfillmentType of(Order order) {
    return order.items().stream().map(FulfillmentType::of).reduce(SORTABLE, FulfillmentType::and);
  }

  /** The type that can take both: specialty beats bulky beats sortable (a bulky FC also picks small items). */
  FulfillmentType and(FulfillmentType other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
