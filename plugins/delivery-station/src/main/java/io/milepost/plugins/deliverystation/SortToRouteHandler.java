package io.milepost.plugins.deliverystation;

import io.milepost.network.SiteTimeZones;
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
 * {@code fulfillment.sort-to-route}: puts the parcel into its route's bag for the wave it makes. It runs
 * again after a failed delivery attempt, the next day, so the wave follows the new {@code stepTime}.
 *
 * <p>Reads {@code parcel} and {@code stepTime}; writes {@code routeAssignment}: {@code {routeCode, bagId,
 * wave, waveDeparture, deliveryDate, nextDay}}.
 */
@Extension
public final class SortToRouteHandler implements StepHandler {

  @Override
  public String jobType() {
    return "fulfillment.sort-to-route";
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
    Parcel parcel = context.variables(Parcel.Variables.class).requireParcel();
    String route = Routes.of(context.siteData(Routes.DATA_SET)).routeFor(parcel.destinationPostalCode());
    Waves.Assignment wave = Waves.of(context.siteData(Waves.DATA_SET)).waveFor(route, StepTime.atSite(context));

    Map<String, Object> assignment = new LinkedHashMap<>();
    assignment.put("routeCode", route);
    assignment.put("bagId", route + "-" + wave.wave().name() + "-" + wave.departure().toLocalDate());
    assignment.putAll(wave.describe());
    return StepResult.complete(Map.of("routeAssignment", assignment));
  }
}
