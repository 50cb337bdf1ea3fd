package io.milepost.plugins.specialty;

import io.milepost.network.Order;
import io.milepost.network.OrderItem;

/**
 * The item categories a specialty building has rules for, and where each is stored and picked.
 * Hazardous materials sit in a locked cage only certified associates may pick from.
 */
enum Category {
  HAZMAT("HAZMAT-CAGE", true),
  APPAREL("GARMENT-MEZZANINE", false),
  FRAGILE("FRAGILE-SHELF", false),
  GENERAL("GENERAL", false);

  final String pickZone;
  final boolean certifiedPickerRequired;

  Category(String pickZone, boolean certifiedPickerRequired) {
    this.pickZone = pickZone;
    this.certifiedPickerRequired = certifiedPickerRequired;
  }

  static Category of(String category) {
    if (category == null) {
      return GENERAL;
    }
    return switch (category.toLowerCase()) {
      case "hazmat" -> HAZMAT;
      case "apparel" -> APPAREL;
      case "fragile" -> FRAGILE;
      default -> GENERAL;
    };
  }

  static Category of(OrderItem item) {
    return of(item.category());
  }

  /** Whether any item of the order is of this category. */
  boolean anyIn(Order order) {
    return order.items().stream().anyMatch(item -> of(item) == this);
  }

  /** Whether every item of the order is of this category. */
  boolean allIn(Order order) {
    return order.items().stream().allMatch(item -> of(item) == this);
  }
}
