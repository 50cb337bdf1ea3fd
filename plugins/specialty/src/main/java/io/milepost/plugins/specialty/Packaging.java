package io.milepost.plugins.specialty;

import io.milepost.network.BundledCsv;
import io.milepost.network.Order;
import io.milepost.network.OrderItem;
import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.DataSet.Column;
import io.milepost.plugin.api.DataSet.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The poly bags and boxes of a specialty building and the rules for choosing one. The containers are
 * site data (data set {@value #NAME}: code,type,lengthCm,widthCm,depthCm,tareKg with type POLY_BAG or BOX);
 * the bundled copy ({@code containers.csv}) is the same for every site.
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

  static final String NAME = "containers";
  static final DataSet DATA_SET = new DataSet(NAME,
      List.of(new Column("code", Type.TEXT), new Column("type", Type.TEXT), new Column("lengthCm", Type.DECIMAL),
          new Column("widthCm", Type.DECIMAL), new Column("depthCm", Type.DECIMAL), new Column("tareKg", Type.DECIMAL)),
      List.of("code"), BundledCsv.sameForEverySite(Packaging.class, "containers.csv"));

  private static final String BAG = "POLY_BAG";
  private static final String BOX = "BOX";

  /** The site's bags and boxes, each smallest first. */
  private final List<Container> bags;
  private final List<Container> boxes;

  private Packaging(List<Container> containers) {
    this.bags = containers.stream().filter(c -> c.type().equals(BAG)).sorted(Comparator.comparingDouble(Container::volumeCm3)).toList();
    this.boxes = containers.stream().filter(c -> c.type().equals(BOX)).sorted(Comparator.comparingDouble(Container::volumeCm3)).toList();
  }

  /** The containers of a site, from the rows of its data set. */
  static Packaging of(List<Map<String, String>> rows) {
    return new Packaging(rows.stream().map(row -> new Container(row.get("code"), type(row), number(row, "lengthCm"),
        number(row, "widthCm"), number(row, "depthCm"), number(row, "tareKg"))).toList());
  }

  Optional<Container> choose(Order order) {
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

  private Optional<Container> bag(Order order) {
    double stack = order.items().stream().mapToDouble(item -> sorted(item, 0)[0] * item.quantity()).sum();
    return bags.stream()
        .filter(bag -> stack <= bag.depthCm())
        .filter(bag -> order.items().stream().allMatch(item -> {
          double[] sides = sorted(item, 0);
          double[] face = {bag.lengthCm(), bag.widthCm()};
          Arrays.sort(face);
          return sides[1] <= face[0] && sides[2] <= face[1];
        }))
        .findFirst();
  }

  private Optional<Container> box(Order order) {
    boolean fragile = Category.FRAGILE.anyIn(order);
    double volume = order.items().stream().mapToDouble(item -> item.volumeCm3() * item.quantity()).sum();
    return boxes.stream()
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

  private static String type(Map<String, String> row) {
    String type = row.get("type");
    if (!type.equals(BAG) && !type.equals(BOX)) {
      throw new IllegalArgumentException("Expected type " + BAG + " or " + BOX + " for container " + row.get("code")
          + " in data set " + NAME + ", but found '" + type + "'");
    }
    return type;
  }

  private static double number(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }

  private static double[] sorted(OrderItem item, double padding) {
    double[] sides = {item.lengthCm() + padding, item.widthCm() + padding, item.heightCm() + padding};
    Arrays.sort(sides);
    return sides;
  }
}
