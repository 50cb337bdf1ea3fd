package io.milepost.plugins.nonsortablefc;

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
 * {@code fulfillment.slam} at a non-sortable FC: a freight scale checks the package against the declared
 * item weights plus packaging, within {@value #TOLERANCE_SHARE} but never tighter than {@value
 * #MIN_TOLERANCE_KG} kg (freight scales read in half kilograms), and chooses the carrier service:
 * over {@value #LTL_OVER_KG} kg (150 lb) it ships as LTL freight, else as an oversize parcel.
 *
 * <p>Reads {@code order}, {@code package} and the optional {@code scaleWeightKg} (the declared weight when
 * absent); writes {@code weightMismatch} and {@code slam}: {@code {trackingId, expectedWeightKg,
 * measuredWeightKg, toleranceKg, carrierService}}.
 */
@Extension
public final class BulkySlamHandler implements StepHandler {

  static final double TOLERANCE_SHARE = 0.03;
  static final double MIN_TOLERANCE_KG = 0.5;
  static final double LTL_OVER_KG = 68.0;

  @Override
  public String jobType() {
    return "fulfillment.slam";
  }

  @Override
  public Set<BuildingType> buildingTypes() {
    return EnumSet.of(BuildingType.NON_SORTABLE_FC);
  }

  @Override
  public StepResult handle(StepContext context) {
    Order.Variables variables = context.variables(Order.Variables.class);
    Order order = variables.requireOrder();
    double declared = number(context.variables(), "declaredWeightKg");
    double expected = order.declaredItemsWeightKg() + number(context.variables(), "packagingWeightKg");
    double measured = variables.scaleWeightKg() != null ? variables.scaleWeightKg() : declared;
    double tolerance = Math.max(MIN_TOLERANCE_KG, expected * TOLERANCE_SHARE);

    Map<String, Object> slam = new LinkedHashMap<>();
    slam.put("trackingId", Labels.trackingId(context.site().id(), order.orderId()));
    slam.put("expectedWeightKg", Rounding.round2(expected));
    slam.put("measuredWeightKg", Rounding.round2(measured));
    slam.put("toleranceKg", Rounding.round2(tolerance));
    slam.put("carrierService", measured > LTL_OVER_KG ? "LTL_FREIGHT" : "OVERSIZE_PARCEL");
    return StepResult.complete(Map.of("weightMismatch", Math.abs(measured - expected) > tolerance, "slam", slam))
        .withMeasure("weightMismatchKg", Rounding.round2(Math.abs(measured - expected)));
  }

  private static double number(Map<String, Object> variables, String field) {
    if (variables.get("package") instanceof Map<?, ?> parcel && parcel.get(field) instanceof Number value) {
      return value.doubleValue();
    }
    throw new IllegalArgumentException("Expected package." + field + " written by fulfillment.pack, but found " + variables.get("package"));
  }
}
