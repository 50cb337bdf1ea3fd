package io.milepost.plugins.sortablefc;

import io.milepost.network.Csv;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Unit weights the sortable FCs measured when the SKU was received ({@code item-master.csv}). */
final class ItemMaster {

  private final Map<String, Double> weightBySku;

  private ItemMaster(Map<String, Double> weightBySku) {
    this.weightBySku = Map.copyOf(weightBySku);
  }

  static ItemMaster load() {
    Map<String, Double> weights = new HashMap<>();
    Csv.rows(ItemMaster.class, "item-master.csv").forEach(row -> weights.put(row[0], Double.parseDouble(row[1])));
    return new ItemMaster(weights);
  }

  Optional<Double> measuredWeightKg(String sku) {
    return Optional.ofNullable(weightBySku.get(sku));
  }
}
