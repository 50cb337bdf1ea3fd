package io.milepost.plugins.sortablefc;

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
 * The corrugated boxes a sortable FC stocks, and the rule that recommends one: the smallest box (by
 * volume) that every unit fits into in some orientation, whose volume the units fill to at most
 * {@value #MAX_FILL} (the rest is room for void fill and for the packer's hands), and that is rated
 * for the weight. The boxes are site data (data set {@value #NAME}), so a site that stocks a new box size
 * changes a file, not the plugin; the bundled copy ({@code box-catalogue.csv}) is the same for every site.
 */
final class BoxCatalogue {

  static final String NAME = "box-catalogue";
  static final double MAX_FILL = 0.75;
  static final DataSet DATA_SET = new DataSet(NAME,
      List.of(new Column("code", Type.TEXT), new Column("lengthCm", Type.DECIMAL), new Column("widthCm", Type.DECIMAL),
          new Column("heightCm", Type.DECIMAL), new Column("tareKg", Type.DECIMAL), new Column("maxWeightKg", Type.DECIMAL)),
      List.of("code"), BundledCsv.sameForEverySite(BoxCatalogue.class, "box-catalogue.csv"));

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

  private final List<Box> boxes;

  private BoxCatalogue(List<Box> boxes) {
    this.boxes = List.copyOf(boxes);
  }

  /** The boxes of a site, from the rows of its data set. */
  static BoxCatalogue of(List<Map<String, String>> rows) {
    return new BoxCatalogue(rows.stream().map(row -> new Box(row.get("code"), number(row, "lengthCm"),
        number(row, "widthCm"), number(row, "heightCm"), number(row, "tareKg"), number(row, "maxWeightKg"))).toList());
  }

  Optional<Box> recommend(Order order) {
    double volume = order.itemsVolumeCm3();
    double weight = order.declaredItemsWeightKg();
    return boxes.stream()
        .filter(box -> order.items().stream().allMatch(box::holds))
        .filter(box -> volume <= box.volumeCm3() * MAX_FILL)
        .filter(box -> weight <= box.maxWeightKg())
        .min(Comparator.comparingDouble(Box::volumeCm3));
  }

  private static double number(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }
}
