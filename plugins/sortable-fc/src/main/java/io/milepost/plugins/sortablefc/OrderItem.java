package io.milepost.plugins.sortablefc;

import java.util.Arrays;

/**
 * One order line: {@code quantity} units of {@code sku}, each with these declared weight and sides.
 *
 * @param category optional: {@code fragile}, {@code apparel}, {@code hazmat}...
 */
record OrderItem(String sku, int quantity, double weightKg, double lengthCm, double widthCm, double heightCm,
    String category) {

  OrderItem {
    if (sku == null || quantity < 1) {
      throw new IllegalArgumentException("Expected an item with a sku and a quantity of 1 or more, but found "
          + sku + " x " + quantity);
    }
  }

  double volumeCm3() {
    return lengthCm * widthCm * heightCm;
  }

  /** The sides from shortest to longest, so any rotation of the unit can be compared with a box. */
  double[] sortedSides() {
    double[] sides = {lengthCm, widthCm, heightCm};
    Arrays.sort(sides);
    return sides;
  }

  boolean isFragile() {
    return "fragile".equalsIgnoreCase(category);
  }
}
