package io.milepost.plugins.sortcenter;

import io.milepost.network.BundledCsv;
import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.DataSet.Column;
import io.milepost.plugin.api.DataSet.Type;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The lanes of a sort center: which postal code prefixes go to which lane. Site data (data set
 * {@value #NAME}: prefix,lane,sundayLane,nextHopSiteId,linehaul); the bundled copy is the site's rows of
 * {@code sort-lanes.csv}.
 *
 * <p>The longest matching prefix wins; prefix {@value #ANY} catches everything else (linehaul to the
 * other region). On Sundays the center runs a smaller crew: neighbouring city lanes merge into one.
 */
final class Lanes {

  static final String NAME = "sort-lanes";
  static final String ANY = "*";
  static final DataSet DATA_SET = new DataSet(NAME,
      List.of(new Column("prefix", Type.TEXT), new Column("lane", Type.TEXT), new Column("sundayLane", Type.TEXT),
          new Column("nextHopSiteId", Type.TEXT), new Column("linehaul", Type.BOOLEAN)),
      List.of("prefix"), BundledCsv.rowsOfSite(Lanes.class, "sort-lanes.csv"));

  /** A lane for destinations starting with {@code prefix}; {@code sundayLane} is the lane it merges into on Sunday. */
  record Lane(String prefix, String lane, String sundayLane, String nextHopSiteId, boolean linehaul) {
    boolean serves(String postalCode) {
      return ANY.equals(prefix) || postalCode.startsWith(prefix);
    }

    int specificity() {
      return ANY.equals(prefix) ? -1 : prefix.length();
    }
  }

  private final String siteId;
  private final List<Lane> lanes;

  private Lanes(String siteId, List<Lane> lanes) {
    this.siteId = siteId;
    this.lanes = List.copyOf(lanes);
  }

  /** The lanes of a site, from the rows of its data set. */
  static Lanes of(String siteId, List<Map<String, String>> rows) {
    return new Lanes(siteId, rows.stream().map(row -> new Lane(row.get("prefix"), row.get("lane"), row.get("sundayLane"),
        row.get("nextHopSiteId"), Boolean.parseBoolean(row.get("linehaul")))).toList());
  }

  Lane laneFor(String postalCode) {
    return lanes.stream()
        .filter(lane -> lane.serves(postalCode))
        .max(Comparator.comparingInt(Lane::specificity))
        .orElseThrow(() -> new IllegalArgumentException("Expected a lane of sort center " + siteId + " for postal code "
            + postalCode + " (data set " + NAME + "), but none matches"));
  }
}
