package io.milepost.plugins.sortablefc;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each SKU sits in each sortable FC: a robotic pod, its face and bin ({@code P012-A-02}).
 * Read from {@code slotting.csv} next to this class (site,sku,location).
 */
final class Slotting {

  private final Map<String, String> locationBySiteAndSku;

  private Slotting(Map<String, String> locationBySiteAndSku) {
    this.locationBySiteAndSku = Map.copyOf(locationBySiteAndSku);
  }

  static Slotting load() {
    Map<String, String> locations = new HashMap<>();
    Csv.rows(Slotting.class, "slotting.csv").forEach(row -> locations.put(row[0] + "/" + row[1], row[2]));
    return new Slotting(locations);
  }

  Optional<String> location(String siteId, String sku) {
    return Optional.ofNullable(locationBySiteAndSku.get(siteId + "/" + sku));
  }
}
