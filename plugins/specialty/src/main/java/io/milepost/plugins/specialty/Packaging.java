package io.milepost.plugins.specialty;

import io.milepost.network.Order;
import io.milepost.network.OrderItem;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The poly bags and boxes of a specialty building and the rules for choosing one.
 *
 * <p>An order of apparel only goes flat into the smallest poly bag whose face holds the largest garment
 * and whose gusset holds the stack: lighter and smaller than a box. Anything else goes into the
 * smallest box every unit fits in, filled to at most {@value #BOX_FILL} of its volume, or {@value
 * #FRAGILE_FILL} with a fragile unit, which also needs {@value #FRAGILE_PADDING_CM} cm of padding around it.
 * Hazmat goes into the UN-certified variant of the box ({@code UN4G-}), which weighs {@value
 * #UN_BOX_EXTRA_KG} kg more.
 */
final class Packaging {

  static final double BOX_FILL = 0.75;
  static final double FRAGILE_FILL = 0.5;
  static final double FRAGILE_PADDING_CM = 5;
  static final double UN_BOX_EXTRA_KG = 0.15;

  /** A container: a bag (length x width face, {@code depthCm} the stack it takes) or a box. */
  record Container(String code, String type, double lengthCm, double widthCm, double depthCm, double tareKg) {
    double volumeCm3() {
      return lengthCm * widthCm * depthCm;
    }
  }

  static final List<Container> BAGS = List.of(
      new Container("P1", "POLY_BAG", 30, 40, 5, 0.03),
      new Container("P2", "POLY_BAG", 40, 50, 10, 0.05),
      new Container("P3", "POLY_BAG", 50, 60, 15, 0.08));

  static final List<Container> BOXES = List.of(
      new Container("S", "BOX", 25, 20, 15, 0.20),
      new Container("M", "BOX", 40, 30, 25, 0.45),
      new Container("L", "BOX", 60, 40, 40, 0.90));

  private Packaging() {}

  static Optional<Container> choose(Order order) {
    if (Category.APPAREL.allIn(order)) {
      Optional<Container> bag = bag(order);
      if (bag.isPresent()) {
        return bag;
      }
    }
    return box(order).map(box -> Category.HAZMAT.anyIn(order)
        ? new Container("UN4G-" + box.code(), box.type(), box.lengthCm(), box.widthCm(), box.depthCm(), box.tareKg() + UN_BOX_EXTRA_KG)
        : box);
  }

  private static Optional<Container> bag(Order order) {
    double stack = order.items().stream().mapToDouble(item -> sorted(item, 0)[0] * item.quantity()).sum();
    return BAGS.stream()
        .filter(bag -> stack <= bag.depthCm())
        .filter(bag -> order.items().stream().allMatch(item -> {
          double[] sides = sorted(item, 0);
          double[] face = {bag.lengthCm(), bag.widthCm()};
          Arrays.sort(face);
          return sides[1] <= face[0] && sides[2] <= face[1];
        }))
        .findFirst();
  }

  private static Optional<Container> box(Order order) {
    boolean fragile = Category.FRAGILE.anyIn(order);
    double volume = order.items().stream().mapToDouble(item -> item.volumeCm3() * item.quantity()).sum();
    return BOXES.stream()
        .filter(box -> volume <= box.volumeCm3() * (fragile ? FRAGILE_FILL : BOX_FILL))
        .filter(box -> order.items().stream().allMatch(item -> fits(item, box)))
        .min(Comparator.comparingDouble(Container::volumeCm3));
  }

  private static boolean fits(OrderItem item, Container box) {
    double padding = Category.of(item) == Category.FRAGILE ? 2 * FRAGILE_PADDING_CM : 0;
    double[] sides = sorted(item, padding);
    double[] inner = {box.lengthCm(), box.widthCm(), box.depthCm()};
    Arrays.sort(inner);
    return sides[0] <= inner[0] && sides[1] <= inner[1] && sides[2] <= inner[2];
  }

  private static double[] sorted(OrderItem item, double padding) {
    double[] sides = {item.lengthCm() + padding, item.widthCm() + padding, item.heightCm() + padding};
    Arrays.sort(sides);
    return sides;
  }
}
