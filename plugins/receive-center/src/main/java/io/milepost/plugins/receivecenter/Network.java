package io.milepost.plugins.receivecenter;

import io.milepost.network.BundledCsv;
import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.DataSet.Column;
import io.milepost.plugin.api.DataSet.Type;
import io.milepost.plugin.api.StepContext;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The network as the receive centers plan with it: buildings with coordinates, regional demand, and
 * where a postal code roughly is. Site data (data sets network-buildings, regional-demand and
 * postal-zones), so a receive center plans with a new building or forecast without a plugin build; the
 * bundled copies are the CSV files next to this class, the same for every site. Stock is not here: it
 * changes with every receipt and order, so the host keeps it ({@link io.milepost.plugin.api.Inventory}).
 */
final class Network {

  static final DataSet BUILDINGS = new DataSet("network-buildings",
      List.of(new Column("site", Type.TEXT), new Column("buildingType", Type.TEXT), new Column("region", Type.TEXT),
          new Column("latitude", Type.DECIMAL), new Column("longitude", Type.DECIMAL)),
      List.of("site"), BundledCsv.sameForEverySite(Network.class, "network.csv"));
  static final DataSet DEMAND = new DataSet("regional-demand",
      List.of(new Column("region", Type.TEXT), new Column("sku", Type.TEXT), new Column("weeklyUnits", Type.INTEGER)),
      List.of("region", "sku"), BundledCsv.sameForEverySite(Network.class, "demand.csv"));
  static final DataSet POSTAL_ZONES = new DataSet("postal-zones",
      List.of(new Column("prefix", Type.TEXT), new Column("latitude", Type.DECIMAL), new Column("longitude", Type.DECIMAL)),
      List.of("prefix"), BundledCsv.sameForEverySite(Network.class, "postal-zones.csv"));

  /** The data sets a handler planning with the network declares. */
  static final List<DataSet> DATA_SETS = List.of(BUILDINGS, DEMAND, POSTAL_ZONES);

  /** A building and where it is. */
  record Building(String siteId, BuildingType type, String region, double latitude, double longitude) {}

  private final List<Building> buildings;
  private final Map<String, Integer> weeklyDemandByRegionAndSku;
  private final Map<String, double[]> postalZones;

  private Network(List<Building> buildings, Map<String, Integer> demand, Map<String, double[]> postalZones) {
    this.buildings = List.copyOf(buildings);
    this.weeklyDemandByRegionAndSku = Map.copyOf(demand);
    this.postalZones = Map.copyOf(postalZones);
  }

  /** The network as the job's site sees it, from its three data sets. */
  static Network of(StepContext context) {
    List<Building> buildings = context.siteData(BUILDINGS).stream()
        .map(row -> new Building(row.get("site"), buildingType(row.get("buildingType")), row.get("region"),
            Double.parseDouble(row.get("latitude")), Double.parseDouble(row.get("longitude"))))
        .toList();
    Map<String, Integer> demand = new HashMap<>();
    context.siteData(DEMAND).forEach(row ->
        demand.put(row.get("region") + "/" + row.get("sku"), Integer.parseInt(row.get("weeklyUnits"))));
    Map<String, double[]> zones = new HashMap<>();
    context.siteData(POSTAL_ZONES).forEach(row -> zones.put(row.get("prefix"),
        new double[] {Double.parseDouble(row.get("latitude")), Double.parseDouble(row.get("longitude"))}));
    return new Network(buildings, demand, zones);
  }

  private static BuildingType buildingType(String name) {
    try {
      return BuildingType.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Expected a building type of " + List.of(BuildingType.values()) + " in data set "
          + BUILDINGS.name() + ", but found '" + name + "'", e);
    }
  }

  List<String> regions() {
    return buildings.stream().map(Building::region).distinct().sorted().toList();
  }

  void requireRegion(String region) {
    if (!regions().contains(region)) {
      throw new IllegalArgumentException(
          "Expected a region of the network (" + String.join(", ", regions()) + "), but found '" + region + "'");
    }
  }

  List<Building> buildings(BuildingType type) {
    return buildings.stream().filter(b -> b.type() == type).toList();
  }

  Building building(String siteId) {
    return buildings.stream().filter(b -> b.siteId().equals(siteId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Expected a site of the network, but found '" + siteId + "'"));
  }

  /** The one building of this type in the region, e.g. the region's sort center. */
  Building regional(BuildingType type, String region) {
    requireRegion(region);
    return buildings(type).stream().filter(b -> b.region().equals(region)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Expected a " + type + " in region " + region + ", but it has none"));
  }

  int weeklyDemand(String region, String sku) {
    return weeklyDemandByRegionAndSku.getOrDefault(region + "/" + sku, 0);
  }

  /** Great-circle distance from a building to the centre of the postal code's longest known prefix. */
  double distanceKm(Building from, String postalCode) {
    double[] to = postalZones.entrySet().stream()
        .filter(zone -> postalCode.startsWith(zone.getKey()))
        .max(Comparator.comparingInt(zone -> zone.getKey().length()))
        .map(Map.Entry::getValue)
        .orElseThrow(() -> new IllegalArgumentException("Expected a US postal code, but found '" + postalCode + "'"));
    return haversineKm(from.latitude(), from.longitude(), to[0], to[1]);
  }

  double distanceKm(Building from, Building to) {
    return haversineKm(from.latitude(), from.longitude(), to.latitude(), to.longitude());
  }

  private static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
    return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
  }
}
