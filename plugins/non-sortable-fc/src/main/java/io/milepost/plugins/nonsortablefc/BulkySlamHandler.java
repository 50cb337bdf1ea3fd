package io.milepost.plugins.nonsortablefc;

import io.milepost.network.Order;
import io.milepost.network.PackageVariable;
import io.milepost.network.SlamCheck;
import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.StepContext;
import io.milepost.plugin.api.StepHandler;
import io.milepost.plugin.api.StepResult;
import java.util.EnumSet;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code fulfillment.slam} at a non-sortable FC: a freight scale checks the package against the declared
 * item weights plus packaging. The tolerance and the carrier service (LTL freight or oversize parcel) are
 * the decision {@code slam-weight-tolerance}'s ({@code slamRules}, see {@link SlamCheck}).
 *
 * <p>Reads {@code order}, {@code package}, {@code slamRules} and the optional {@code scaleWeightKg} (the
 * declared weight when absent) and {@code verifiedWeightKg}; writes {@code weightMismatch} and {@code slam}:
 * {@code {trackingId, expectedWeightKg, measuredWeightKg, toleranceKg, carrierService}}.
 */
@Extension
public final class BulkySlamHandler implements StepHandler {

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
    SlamCheck check = context.variables(SlamCheck.class);
    Order order = check.requireOrder();
    double expected = order.declaredItemsWeightKg() + PackageVariable.number(context.variables(), "packagingWeightKg");
    double declared = PackageVariable.number(context.variables(), "declaredWeightKg");
    return StepResult.complete(check.weigh(context.site().id(), expected, declared))
        .withMeasure("weightMismatchKg", check.mismatchKg(expected, declared));
  }
}
