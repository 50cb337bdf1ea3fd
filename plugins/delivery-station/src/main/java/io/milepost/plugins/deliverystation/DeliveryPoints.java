package io.milepost.plugins.deliverystation;

import io.milepost.network.BundledCsv;
import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.DataSet.Column;
import io.milepost.plugin.api.DataSet.Type;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a delivery station knows about the addresses it serves, from its drivers' past deliveries: whether a
 * safe place is agreed and in which waves someone is usually home. Site data (data set {@value #NAME}:
 * postalCode,safePlace,attendedWaves), so a station updates it without a new plugin build; the bundled copy
 * is the station's rows of {@code delivery-points.csv} next to this class.
 */
final class DeliveryPoints {

  static final String NAME = "delivery-points";
  static final DataSet DATA_SET = new DataSet(NAME, List.of(new Column("postalCode", Type.TEXT),
      new Column("safePlace", Type.TEXT), new Column("attendedWaves", Type.TEXT)), List.of("postalCode"),
      BundledCsv.rowsOfSite(DeliveryPoints.class, "delivery-points.csv"));

  /** One address area: a safe place agreed, and the waves someone is usually home. */
  record Point(boolean safePlace, Set<String> attendedWaves) {
    boolean attendedIn(String wave) {
      return wave != null && attendedWaves.contains(wave);
    }
  }

  private final Map<String, Point> byPostalCode;

  private DeliveryPoints(Map<String, Point> byPostalCode) {
    this.byPostalCode = Map.copyOf(byPostalCode);
  }

  static DeliveryPoints of(List<Map<String, String>> rows) {
    Map<String, Point> points = new HashMap<>();
    for (Map<String, String> row : rows) {
      String safePlace = row.get("safePlace");
      if (!safePlace.equals("yes") && !safePlace.equals("no")) {
        throw new IllegalArgumentException("Expected safePlace yes or no in data set " + NAME + ", but found '"
            + safePlace + "' for " + row.get("postalCode"));
      }
      Set<String> waves = row.get("attendedWaves").equals("none") ? Set.of()
          : Arrays.stream(row.get("attendedWaves").split(";")).map(String::strip).collect(Collectors.toSet());
      points.put(row.get("postalCode"), new Point(safePlace.equals("yes"), waves));
    }
    return new DeliveryPoints(points);
  }

  /** What the station knows of this postal code; empty for an address it has no record of. */
  Optional<Point> at(String postalCode) {
    return Optional.ofNullable(byPostalCode.get(postalCode));
  }
}
