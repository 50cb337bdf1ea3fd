package io.milepost.plugins.deliverystation;

import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.StepContext;
import io.milepost.plugin.api.StepHandler;
import io.milepost.plugin.api.StepResult;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code fulfillment.dispatch}: hands the route's bags to the wave's driver. Each route has its own van;
 * the driver's shift starts {@value #LOAD_MINUTES} minutes before the wave departs to load it. Partner
 * carrier parcels are handed over at the dock instead.
 *
 * <p>Reads {@code routeAssignment}; writes {@code dispatch}: {@code {vehicleId, driverShiftStart,
 * departure, handover}}.
 */
@Extension
public final class DispatchHandler implements StepHandler {

  static final int LOAD_MINUTES = 30;

  /** The variables this step reads. */
  record Variables(RouteAssignment routeAssignment) {}

  /** The fields of {@code routeAssignment} dispatch needs. */
  record RouteAssignment(String routeCode, String wave, String waveDeparture) {}

  @Override
  public String jobType() {
    return "fulfillment.dispatch";
  }

  @Override
  public Set<BuildingType> buildingTypes() {
    return EnumSet.of(BuildingType.DELIVERY_STATION);
  }

  @Override
  public StepResult handle(StepContext context) {
    RouteAssignment assignment = Objects.requireNonNull(context.variables(Variables.class).routeAssignment(),
        "Expected the variable 'routeAssignment' written by fulfillment.sort-to-route, but the job has none");
    OffsetDateTime departure = OffsetDateTime.parse(assignment.waveDeparture());
    boolean partner = Routes.PARTNER_CARRIER.equals(assignment.routeCode());

    Map<String, Object> dispatch = new LinkedHashMap<>();
    dispatch.put("vehicleId", partner ? "PARTNER-DOCK" : "VAN-" + assignment.routeCode());
    dispatch.put("driverShiftStart", departure.minusMinutes(LOAD_MINUTES).toString());
    dispatch.put("departure", departure.toString());
    dispatch.put("handover", partner ? "PARTNER_CARRIER" : "OWN_DRIVER");
    return StepResult.complete(Map.of("dispatch", dispatch));
  }
}
