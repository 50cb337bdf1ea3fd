package io.milepost.plugins.receivecenter;

import io.milepost.plugins.receivecenter.Network.Building;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the units a receive center accepted across fulfillment buildings by regional demand.
 *
 * <p>Each region gets a share proportional to its weekly demand for the SKU (largest remainder, so the
 * shares add up to exactly the accepted units; ties go to the alphabetically first region). A region's
 * share goes to its building of the SKU's {@link FulfillmentType} (decided by the table fulfillment-type); a
 * region without one sends its share
 * to the nearest such building elsewhere. With no demand on record, everything goes to the building of
 * that type nearest to the receive center.
 */
final class InboundAllocator {

  /** Move {@code quantity} units of {@code sku} to {@code destinationSiteId}. */
  record Transfer(String destinationSiteId, String sku, int quantity) {
    Map<String, Object> toVariable() {
      return Map.of("destinationSiteId", destinationSiteId, "sku", sku, "quantity", quantity);
    }
  }

  private final Network network;

  InboundAllocator(Network network) {
    this.network = network;
  }

  List<Transfer> allocate(Shipment shipment, FulfillmentType type, int acceptedUnits, String receiveCenterSiteId) {
    List<Building> candidates = network.buildings(type.buildingType);
    Building receiveCenter = network.building(receiveCenterSiteId);
    Map<String, Integer> demand = new LinkedHashMap<>();
    network.regions().forEach(region -> demand.put(region, network.weeklyDemand(region, shipment.sku())));
    int totalDemand = demand.values().stream().mapToInt(Integer::intValue).sum();
    if (acceptedUnits <= 0 || candidates.isEmpty()) {
      return List.of();
    }
    if (totalDemand == 0) {
      return List.of(new Transfer(nearest(candidates, receiveCenter).siteId(), shipment.sku(), acceptedUnits));
    }

    Map<String, Integer> unitsByRegion = largestRemainder(demand, totalDemand, acceptedUnits);
    Map<String, Integer> unitsBySite = new LinkedHashMap<>();
    unitsByRegion.forEach((region, units) -> {
      Building target = candidates.stream().filter(b -> b.region().equals(region)).findFirst()
          .orElseGet(() -> nearest(candidates, network.regional(io.milepost.plugin.api.BuildingType.RECEIVE_CENTER, region)));
      unitsBySite.merge(target.siteId(), units, Integer::sum);
    });
    return unitsBySite.entrySet().stream()
        .filter(entry -> entry.getValue() > 0)
        .map(entry -> new Transfer(entry.getKey(), shipment.sku(), entry.getValue()))
        .sorted(Comparator.comparingInt(Transfer::quantity).reversed().thenComparing(Transfer::destinationSiteId))
        .toList();
  }

  private Building nearest(List<Building> candidates, Building from) {
    return candidates.stream().min(Comparator.comparingDouble((Building b) -> network.distanceKm(from, b))
        .thenComparing(Building::siteId)).orElseThrow();
  }

  private static Map<String, Integer> largestRemainder(Map<String, Integer> demand, int totalDemand, int units) {
    Map<String, Integer> shares = new LinkedHashMap<>();
    List<Map.Entry<String, Double>> remainders = new ArrayList<>();
    demand.forEach((region, weekly) -> {
      double exact = (double) units * weekly / totalDemand;
      shares.put(region, (int) Math.floor(exact));
      remainders.add(Map.entry(region, exact - Math.floor(exact)));
    });
    int left = units - shares.values().stream().mapToInt(Integer::intValue).sum();
    remainders.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    for (int i = 0; i < left; i++) {
      shares.merge(remainders.get(i).getKey(), 1, Integer::sum);
    }
    return shares;
  }
}
