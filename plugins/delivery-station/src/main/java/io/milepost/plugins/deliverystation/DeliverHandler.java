package io.milepost.plugins.deliverystation;

import io.milepost.network.SiteTimeZones;
import io.milepost.network.OrderDestination;
import io.milepost.network.StepTime;
import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.StepContext;
import io.milepost.plugin.api.StepHandler;
import io.milepost.plugin.api.StepResult;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code fulfillment.deliver} at a delivery station, the whole last mile as one step of order
 * fulfillment: the route for the destination postal code ({@link Routes}) and the wave the parcel makes
 * by its cut-off ({@link Waves}).
 *
 * <p>Reads {@code order.destinationPostalCode} and {@code stepTime}; writes {@code delivery}: {@code
 * {routeCode, wave, waveDeparture, deliveryDate, nextDay, partnerCarrier}}.
 */
@Extension
public final class DeliverHandler implements StepHandler {

  @Override
  public String jobType() {
    return "fulfillment.deliver";
  }

  @Override
  public Set<BuildingType> buildingTypes() {
    return EnumSet.of(BuildingType.DELIVERY_STATION);
  }

  @Override
  public List<DataSet> dataSets() {
    return List.of(Routes.DATA_SET, Waves.DATA_SET, SiteTimeZones.DATA_SET);
  }

  @Override
  public StepResult handle(StepContext context) {
    String route = Routes.of(context.siteData(Routes.DATA_SET)).routeFor(OrderDestination.of(context).destinationPostalCode());
    Waves.Assignment wave = Waves.of(context.siteData(Waves.DATA_SET)).waveFor(route, StepTime.atSite(context));

    Map<String, Object> delivery = new LinkedHashMap<>();
    delivery.put("routeCode", route);
    delivery.putAll(wave.describe());
    delivery.put("partnerCarrier", Routes.PARTNER_CARRIER.equals(route));
    return StepResult.complete(Map.of("delivery", delivery));
  }
}
