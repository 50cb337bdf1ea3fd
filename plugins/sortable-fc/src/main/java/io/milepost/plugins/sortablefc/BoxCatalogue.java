package io.milepost.plugins.sortablefc;

import io.milepost.network.Order;
import io.milepost.network.OrderItem;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The corrugated boxes a sortable FC stocks, and the rule that recommends one: the smallest box (by
 * volume) that every unit fits into in some orientation, whose volume the units fill to at most
 * {@value #MAX_FILL} (the rest is room for void fill and for the packer's hands), and that is rated
 * for the weight.
 */
final class BoxCatalogue {

  static final double MAX_FILL = 0.75;

  /** A box with inner sides in cm, its own weight and the weight it is rated for. */
  record Box(String code, double lengthCm, double widthCm, double heightCm, double tareKg, double maxWeightKg) {
    double volumeCm3() {
      return lengthCm * widthCm * heightCm;
    }

    boolean holds(OrderItem unit) {
      double[] box = {lengthCm, widthCm, heightCm};
      Arrays.sort(box);
      double[] item = unit.sortedSides();
      return item[0] <= box[0] && item[1] <= box[1] && item[2] <= box[2];
    }
  }

  static final List<Box> BOXES = List.of(
      new Box("A1", 25, 18, 10, 0.15, 5),
      new Box("A2", 30, 23, 15, 0.25, 10),
      new Box("B1", 40, 30, 20, 0.40, 15),
      new Box("B2", 46, 36, 30, 0.60, 20),
      new Box("C1", 60, 46, 46, 0.95, 25));

  private BoxCatalogue() {}

  static Optional<Box> recommend(Order order) {
    double volume = order.itemsVolumeCm3();
    double weight = order.declaredItemsWeightKg();
    return BOXES.stream()
        .filter(box -> order.items().stream().allMatch(box::holds))
        .filter(box -> volume <= box.volumeCm3() * MAX_FILL)
        .filter(box -> weight <= box.maxWeightKg())
        .min(Comparator.comparingDouble(Box::volumeCm3));
  }
}
