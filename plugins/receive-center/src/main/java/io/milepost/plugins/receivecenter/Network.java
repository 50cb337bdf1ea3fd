package io.milepost.plugins.receivecenter;

import io.milepost.network.Csv;
import io.milepost.plugin.api.BuildingType;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo network as the receive centers plan with it: buildings with coordinates, regional demand, and
 * where a postal code roughly is. Loaded from the CSV files next to this class. Stock is not here: it
 * changes with every receipt and order, so the host keeps it ({@link io.milepost.plugin.api.Inventory}).
 */
final class Network {

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

  static Network load() {
    List<Building> buildings = Csv.rows(Network.class, "network.csv").stream()
        .map(row -> new Building(row[0], BuildingType.valueOf(row[1]), row[2],
            Double.parseDouble(row[3]), Double.parseDouble(row[4])))
        .toList();
    Map<String, Integer> demand = new HashMap<>();
    Csv.rows(Network.class, "demand.csv").forEach(row -> demand.put(row[0] + "/" + row[1], Integer.parseInt(row[2])));
    Map<String, double[]> zones = new HashMap<>();
    Csv.rows(Network.class, "postal-zones.csv").forEach(row ->
        zones.put(row[0], new double[] {Double.parseDouble(row[1]), Double.parseDouble(row[2])}));
    return new Network(buildings, demand, zones);
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
