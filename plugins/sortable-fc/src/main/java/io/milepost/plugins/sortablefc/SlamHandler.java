package io.milepost.plugins.sortablefc;

import io.milepost.network.Order;
import io.milepost.network.PackageVariable;
import io.milepost.network.SlamCheck;
import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.StepContext;
import io.milepost.plugin.api.StepHandler;
import io.milepost.plugin.api.StepResult;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code fulfillment.slam} (scan, label, apply, manifest) at a sortable FC: weighs the package and
 * compares it with the weight the FC expects, then labels it.
 *
 * <p>Expected weight: each unit at its weight in the site's {@link ItemMaster} (the order's declared weight for
 * SKUs the FC never measured) plus the packaging weight from {@code package}. The tolerance and the carrier
 * service are the decision {@code slam-weight-tolerance}'s ({@code slamRules}, see {@link SlamCheck}).
 *
 * <p>A mismatch is a normal outcome the process routes to problem solve, so it is the output flag
 * {@code weightMismatch}, not an error. Writes {@code weightMismatch} and {@code slam}:
 * {@code {trackingId, expectedWeightKg, measuredWeightKg, toleranceKg, carrierService}}.
 */
@Extension
public final class SlamHandler implements StepHandler {


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
    SlamCheck check = context.variables(SlamCheck.class);
    Order order = check.requireOrder();
    double expected = order.items().stream()
        .mapToDouble(item -> itemMaster.measuredWeightKg(item.sku()).orElse(item.weightKg()) * item.quantity())
        .sum() + PackageVariable.number(context.variables(), "packagingWeightKg");
    double declared = PackageVariable.number(context.variables(), "declaredWeightKg");
    return StepResult.complete(check.weigh(context.site().id(), expected, declared))
        .withMeasure("weightMismatchKg", check.mismatchKg(expected, declared));
  }
}
