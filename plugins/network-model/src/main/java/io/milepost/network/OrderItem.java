package io.milepost.network;

import java.util.Arrays;

/**
 * One order line: {@code quantity} units of {@code sku}, each with these declared weight and sides.
 *
 * @param category optional: {@code fragile}, {@code apparel}, {@code hazmat}...
 */
public record OrderItem(String sku, int quantity, double weightKg, double lengthCm, double widthCm, double heightCm,
    String category) {

  public OrderItem {
    if (sku == null || quantity < 1) {
      throw new IllegalArgumentException("Expected an item with a sku and a quantity of 1 or more, but found "
          + sku + " x " + quantity);
    }
  }

  public double volumeCm3() {
    return lengthCm * widthCm * heightCm;
  }

  /** The sides from shortest to longest, so any rotation of the unit can be compared with a box. */
  public double[] sortedSides() {
    double[] sides = {lengthCm, widthCm, heightCm};
    Arrays.sort(sides);
    return sides;
  }

  public double longestSideCm() {
    return sortedSides()[2];
  }

  public boolean isFragile() {
    return "fragile".equalsIgnoreCase(category);
  }
}
