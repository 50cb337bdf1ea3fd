package io.milepost.plugins.sortablefc;

import io.milepost.network.Order;
import io.milepost.network.OrderItem;
/**
 * Void fill for the empty space in a box. Fragile units get bubble wrap; a unit over 5 kg gets kraft
 * paper, because air pillows burst under it; everything else gets air pillows, the lightest fill.
 */
enum Dunnage {
  BUBBLE_WRAP(0.010),
  KRAFT_PAPER(0.030),
  AIR_PILLOWS(0.002);

  static final double HEAVY_UNIT_KG = 5.0;

  private final double kgPerLitre;

  Dunnage(double kgPerLitre) {
    this.kgPerLitre = kgPerLitre;
  }

  static Dunnage choose(Order order) {
    if (order.items().stream().anyMatch(OrderItem::isFragile)) {
      return BUBBLE_WRAP;
    }
    if (order.items().stream().anyMatch(item -> item.weightKg() > HEAVY_UNIT_KG)) {
      return KRAFT_PAPER;
    }
    return AIR_PILLOWS;
  }

  double weightKg(double litres) {
    return litres * kgPerLitre;
  }
}
