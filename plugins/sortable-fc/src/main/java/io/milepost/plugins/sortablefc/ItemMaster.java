package io.milepost.plugins.sortablefc;

import io.milepost.network.BundledCsv;
import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.DataSet.Column;
import io.milepost.plugin.api.DataSet.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Unit weights the sortable FCs measured when the SKU was received. Site data (data set {@value #NAME}:
 * sku,weightKg), so a site's re-measured SKUs need no plugin build; the bundled copy ({@code
 * item-master.csv}) is the same for every site.
 */
final class ItemMaster {

  static final String NAME = "item-master";
  static final DataSet DATA_SET = new DataSet(NAME,
      List.of(new Column("sku", Type.TEXT), new Column("weightKg", Type.DECIMAL)), List.of("sku"),
      BundledCsv.sameForEverySite(ItemMaster.class, "item-master.csv"));

  private final Map<String, Double> weightBySku;

  private ItemMaster(Map<String, Double> weightBySku) {
    this.weightBySku = Map.copyOf(weightBySku);
  }

  /** The item master of a site, from the rows of its data set. */
  static ItemMaster of(List<Map<String, String>> rows) {
    Map<String, Double> weights = new HashMap<>();
    rows.forEach(row -> weights.put(row.get("sku"), Double.parseDouble(row.get("weightKg"))));
    return new ItemMaster(weights);
  }

  Optional<Double> measuredWeightKg(String sku) {
    return Optional.ofNullable(weightBySku.get(sku));
  }
}
