package io.milepost.plugins.sortablefc;

import java.util.List;
import java.util.Objects;

/**
 * The {@code order} process variable, as far as a sortable FC reads it.
 *
 * @param orderId               the customer order's id
 * @param customerRegion        {@code west} or {@code east}
 * @param destinationPostalCode where the parcel goes
 * @param items                 the order lines
 */
record Order(String orderId, String customerRegion, String destinationPostalCode, List<OrderItem> items) {

  Order {
    Objects.requireNonNull(orderId, "Expected order.orderId, but it was missing");
    items = items == null ? List.of() : List.copyOf(items);
    if (items.isEmpty()) {
      throw new IllegalArgumentException("Expected order " + orderId + " to have items, but it had none");
    }
  }

  /** The job variables a sortable FC step maps with {@link io.milepost.plugin.api.StepContext#variables(Class)}. */
  record Variables(Order order, Double scaleWeightKg) {
    Order requireOrder() {
      return Objects.requireNonNull(order, "Expected the variable 'order', but the job has none");
    }
  }

  /** The sum of the declared weights of all units. */
  double declaredItemsWeightKg() {
    return items.stream().mapToDouble(item -> item.weightKg() * item.quantity()).sum();
  }

  /** The volume of all units together, in cm³. */
  double itemsVolumeCm3() {
    return items.stream().mapToDouble(item -> item.volumeCm3() * item.quantity()).sum();
  }
}
