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
 * Where each SKU sits in a sortable FC: a robotic pod, its face and bin ({@code P012-A-02}). Site data
 * (data set {@value #NAME}: sku,location), so a process engineer can re-slot a site without a new plugin
 * build; the bundled copy is the site's rows of {@code slotting.csv} next to this class (site,sku,location).
 */
final class Slotting {

  static final String NAME = "slotting";
  static final DataSet DATA_SET = new DataSet(NAME,
      List.of(new Column("sku", Type.TEXT), new Column("location", Type.TEXT)), List.of("sku"), BundledCsv.rowsOfSite(Slotting.class, "slotting.csv"));

  private final Map<String, String> locationBySku;

  private Slotting(Map<String, String> locationBySku) {
    this.locationBySku = Map.copyOf(locationBySku);
  }

  /** The slotting of a site, from the rows of its data set. */
  static Slotting of(List<Map<String, String>> rows) {
    Map<String, String> locations = new HashMap<>();
    rows.forEach(row -> locations.put(row.get("sku"), row.get("location")));
    return new Slotting(locations);
  }

  Optional<String> location(String sku) {
    return Optional.ofNullable(locationBySku.get(sku));
  }
}
