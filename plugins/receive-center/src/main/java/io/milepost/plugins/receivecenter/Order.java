package io.milepost.plugins.receivecenter;

import java.util.List;
import java.util.Objects;

/**
 * The {@code order} process variable.
 *
 * @param customerRegion {@code west} or {@code east}
 */
record Order(String orderId, String customerRegion, String destinationPostalCode, List<Item> items) {

  Order {
    Objects.requireNonNull(orderId, "Expected order.orderId, but it was missing");
    Objects.requireNonNull(customerRegion, "Expected order.customerRegion, but it was missing");
    Objects.requireNonNull(destinationPostalCode, "Expected order.destinationPostalCode, but it was missing");
    items = items == null ? List.of() : List.copyOf(items);
    if (items.isEmpty()) {
      throw new IllegalArgumentException("Expected order " + orderId + " to have items, but it had none");
    }
  }

  /** One order line; {@code category} is optional ({@code hazmat}, {@code apparel}, {@code fragile}...). */
  record Item(String sku, int quantity, double weightKg, double lengthCm, double widthCm, double heightCm,
      String category) {
    FulfillmentType fulfillmentType() {
      return FulfillmentType.of(weightKg, lengthCm, widthCm, heightCm, category);
    }
  }

  FulfillmentType fulfillmentType() {
    return items.stream().map(Item::fulfillmentType).reduce(FulfillmentType.SORTABLE, FulfillmentType::and);
  }
}
