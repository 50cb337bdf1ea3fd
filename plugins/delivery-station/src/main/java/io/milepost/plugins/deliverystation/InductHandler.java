package io.milepost.plugins.deliverystation;

import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.StepContext;
import io.milepost.plugin.api.StepHandler;
import io.milepost.plugin.api.StepResult;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code fulfillment.induct}: scans an arriving parcel into the station. Parcels over {@value
 * #CONVEYABLE_MAX_KG} kg skip the conveyor and go to the non-conveyable area, where they are handled on
 * carts; everything else is inducted onto the belt towards its route's staging zone.
 *
 * <p>Reads {@code parcel}; writes {@code induction}: {@code {routeCode, handling, stagingZone}}.
 */
@Extension
public final class InductHandler implements StepHandler {

  static final double CONVEYABLE_MAX_KG = 23.0;

  @Override
  public String jobType() {
    return "fulfillment.induct";
  }

  @Override
  public Set<BuildingType> buildingTypes() {
    return EnumSet.of(BuildingType.DELIVERY_STATION);
  }

  @Override
  public List<DataSet> dataSets() {
    return List.of(Routes.DATA_SET);
  }

  @Override
  public StepResult handle(StepContext context) {
    Parcel parcel = context.variables(Parcel.Variables.class).requireParcel();
    String route = Routes.of(context.siteData(Routes.DATA_SET)).routeFor(parcel.destinationPostalCode());
    boolean conveyable = parcel.weightKg() == null || parcel.weightKg() <= CONVEYABLE_MAX_KG;
    return StepResult.complete(Map.of("induction", Map.of(
        "routeCode", route,
        "handling", conveyable ? "CONVEYOR" : "NON_CONVEYABLE",
        "stagingZone", "STAGE-" + route)));
  }
}
