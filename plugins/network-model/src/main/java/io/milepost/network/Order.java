package io.milepost.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code order} process variable of order-fulfillment.
 *
 * @param orderId               the customer order's id
 * @param customerRegion        {@code west} or {@code east}; steps that need it check it
 * @param destinationPostalCode where the parcel goes; steps that need it check it
 * @param items                 the order lines, at least one
 */
public record Order(String orderId, String customerRegion, String destinationPostalCode, List<OrderItem> items) {

  public Order {
    Objects.requireNonNull(orderId, "Expected order.orderId, but it was missing");
    items = items == null ? List.of() : List.copyOf(items);
    if (items.isEmpty()) {
      throw new IllegalArgumentException("Expected order " + orderId + " to have items, but it had none");
    }
  }

  /** The job variables the fulfillment steps map with {@link io.milepost.plugin.api.StepContext#variables(Class)}. */
  public record Variables(Order order, Double scaleWeightKg) {
    public Order requireOrder() {
      return Objects.requireNonNull(order, "Expected the variable 'order', but the job has none");
    }
  }

  public int units() {
    return items.stream().mapToInt(OrderItem::quantity).sum();
  }

  /** The sum of the declared weights of all units. */
  public double declaredItemsWeightKg() {
    return items.stream().mapToDouble(item -> item.weightKg() * item.quantity()).sum();
  }

  /** The volume of all units together, in cm³. */
  public double itemsVolumeCm3() {
    return items.stream().mapToDouble(item -> item.volumeCm3() * item.quantity()).sum();
  }

  /** The units per SKU (two lines of one SKU add up), e.g. to reserve them. */
  public Map<String, Integer> unitsBySku() {
    Map<String, Integer> units = new LinkedHashMap<>();
    items.forEach(item -> units.merge(item.sku(), item.quantity(), Integer::sum));
    return units;
  }
}
