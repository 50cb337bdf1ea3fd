package io.milepost.plugins.specialty;

import io.milepost.network.Order;
import io.milepost.network.Rounding;
import io.milepost.network.Labels;
import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.StepContext;
import io.milepost.plugin.api.StepHandler;
import io.milepost.plugin.api.StepResult;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code fulfillment.slam} at a specialty building: weight check as at a sortable FC (within {@value
 * #TOLERANCE_SHARE}, at least {@value #MIN_TOLERANCE_KG} kg) against declared items plus packaging, and
 * a carrier service that keeps {@code groundOnly} packages (hazmat) off aircraft.
 *
 * <p>Reads {@code order}, {@code package} and the optional {@code scaleWeightKg}; writes {@code
 * weightMismatch} and {@code slam}: {@code {trackingId, expectedWeightKg, measuredWeightKg, toleranceKg,
 * carrierService}} with carrier service {@code GROUND_ONLY} or {@code STANDARD}.
 */
@Extension
public final class SpecialtySlamHandler implements StepHandler {

  static final double TOLERANCE_SHARE = 0.05;
  static final double MIN_TOLERANCE_KG = 0.05;

  @Override
  public String jobType() {
    return "fulfillment.slam";
  }

  @Override
  public Set<BuildingType> buildingTypes() {
    return EnumSet.of(BuildingType.SPECIALTY);
  }

  @Override
  public StepResult handle(StepContext context) {
    Order.Variables variables = context.variables(Order.Variables.class);
    Order order = variables.requireOrder();
    if (!(context.variables().get("package") instanceof Map<?, ?> parcel)
        || !(parcel.get("declaredWeightKg") instanceof Number declared)
        || !(parcel.get("packagingWeightKg") instanceof Number packaging)) {
      throw new IllegalArgumentException("Expected the variable 'package' written by fulfillment.pack, but found "
          + context.variables().get("package"));
    }
    double expected = order.declaredItemsWeightKg() + packaging.doubleValue();
    double measured = variables.scaleWeightKg() != null ? variables.scaleWeightKg() : declared.doubleValue();
    double tolerance = Math.max(MIN_TOLERANCE_KG, expected * TOLERANCE_SHARE);

    Map<String, Object> slam = new LinkedHashMap<>();
    slam.put("trackingId", Labels.trackingId(context.site().id(), order.orderId()));
    slam.put("expectedWeightKg", Rounding.round2(expected));
    slam.put("measuredWeightKg", Rounding.round2(measured));
    slam.put("toleranceKg", Rounding.round2(tolerance));
    slam.put("carrierService", Boolean.TRUE.equals(parcel.get("groundOnly")) ? "GROUND_ONLY" : "STANDARD");
    return StepResult.complete(Map.of("weightMismatch", Math.abs(measured - expected) > tolerance, "slam", slam))
        .withMeasure("weightMismatchKg", Rounding.round2(Math.abs(measured - expected)));
  }
}
