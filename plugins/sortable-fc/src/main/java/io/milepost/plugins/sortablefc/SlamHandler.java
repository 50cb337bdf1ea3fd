package io.milepost.plugins.sortablefc;

import io.milepost.network.Order;
import io.milepost.network.Labels;
import io.milepost.network.PackageVariable;
import io.milepost.network.Rounding;
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
 * {@code fulfillment.slam} (scan, label, apply, manifest) at a sortable FC: weighs the package and
 * compares it with the weight the FC expects, then labels it.
 *
 * <p>Expected weight: each unit at its weight in the site's {@link ItemMaster} (the order's declared weight for SKUs
 * the FC never measured) plus the packaging weight from {@code package}. Measured weight: the
 * {@code scaleWeightKg} variable when the SLAM line's scale reported one, else the package's declared
 * weight. They match within {@value #TOLERANCE_SHARE} of the expected weight, but never tighter than
 * {@value #MIN_TOLERANCE_KG} kg (the scale's resolution).
 *
 * <p>A mismatch is a normal outcome the process routes to problem solve, so it is the output flag
 * {@code weightMismatch}, not an error. Writes {@code weightMismatch} and {@code slam}:
 * {@code {trackingId, expectedWeightKg, measuredWeightKg, toleranceKg, carrierService}}.
 */
@Extension
public final class SlamHandler implements StepHandler {

  static final double TOLERANCE_SHARE = 0.05;
  static final double MIN_TOLERANCE_KG = 0.05;

  @Override
  public String jobType() {
    return "fulfillment.slam";
  }

  @Override
  public Set<BuildingType> buildingTypes() {
    return EnumSet.of(BuildingType.SORTABLE_FC);
  }

  @Override
  public List<DataSet> dataSets() {
    return List.of(ItemMaster.DATA_SET);
  }

  @Override
  public StepResult handle(StepContext context) {
    ItemMaster itemMaster = ItemMaster.of(context.siteData(ItemMaster.DATA_SET));
    Order.Variables variables = context.variables(Order.Variables.class);
    Order order = variables.requireOrder();
    double expected = order.items().stream()
        .mapToDouble(item -> itemMaster.measuredWeightKg(item.sku()).orElse(item.weightKg()) * item.quantity())
        .sum() + PackageVariable.number(context.variables(), "packagingWeightKg");
    double measured = variables.scaleWeightKg() != null
        ? variables.scaleWeightKg()
        : PackageVariable.number(context.variables(), "declaredWeightKg");
    double tolerance = Math.max(MIN_TOLERANCE_KG, expected * TOLERANCE_SHARE);
    boolean mismatch = Math.abs(measured - expected) > tolerance;

    Map<String, Object> slam = new LinkedHashMap<>();
    slam.put("trackingId", Labels.trackingId(context.site().id(), order.orderId()));
    slam.put("expectedWeightKg", Rounding.round2(expected));
    slam.put("measuredWeightKg", Rounding.round2(measured));
    slam.put("toleranceKg", Rounding.round2(tolerance));
    slam.put("carrierService", "GROUND");
    return StepResult.complete(Map.of("weightMismatch", mismatch, "slam", slam))
        .withMeasure("weightMismatchKg", Rounding.round2(Math.abs(measured - expected)));
  }
}
