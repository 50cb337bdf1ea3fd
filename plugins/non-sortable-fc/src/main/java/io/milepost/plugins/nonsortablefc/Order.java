package io.milepost.plugins.nonsortablefc;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The {@code order} process variable, as far as a bulky FC reads it. */
record Order(String orderId, List<Item> items) {

  Order {
    Objects.requireNonNull(orderId, "Expected order.orderId, but it was missing");
    items = items == null ? List.of() : List.copyOf(items);
    if (items.isEmpty()) {
      throw new IllegalArgumentException("Expected order " + orderId + " to have items, but it had none");
    }
  }

  /** One order line; {@code category} is optional ({@code fragile}...). */
  record Item(String sku, int quantity, double weightKg, double lengthCm, double widthCm, double heightCm, String category) {
    double longestSideCm() {
      double[] sides = {lengthCm, widthCm, heightCm};
      Arrays.sort(sides);
      return sides[2];
    }

    boolean isFragile() {
      return "fragile".equalsIgnoreCase(category);
    }
  }

  /** The variables the bulky FC steps read. */
  record Variables(Order order, Double scaleWeightKg) {
    Order requireOrder() {
      return Objects.requireNonNull(order, "Expected the variable 'order', but the job has none");
    }
  }

  int units() {
    return items.stream().mapToInt(Item::quantity).sum();
  }

  double declaredItemsWeightKg() {
    return items.stream().mapToDouble(item -> item.weightKg() * item.quantity()).sum();
  }

  static double round2(double value) {
    return Math.round(value * 100.0) / 100.0;
  }
}
