package io.milepost.plugins.specialty;

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
 * {@code fulfillment.slam} at a specialty building: weight check against the declared items plus
 * packaging. The tolerance and the carrier service ({@code GROUND_ONLY} for {@code groundOnly} packages,
 * hazmat, else {@code STANDARD}) are the decision {@code slam-weight-tolerance}'s ({@code slamRules}, see
 * {@link SlamCheck}).
 *
 * <p>Reads {@code order}, {@code package}, {@code slamRules} and the optional {@code scaleWeightKg} and
 * {@code verifiedWeightKg}; writes {@code weightMismatch} and {@code slam}: {@code {trackingId,
 * expectedWeightKg, measuredWeightKg, toleranceKg, carrierService}}.
 */
@Extension
public final class SpecialtySlamHandler implements StepHandler {

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
    SlamCheck check = context.variables(SlamCheck.class);
    Order order = check.requireOrder();
    double expected = order.declaredItemsWeightKg() + PackageVariable.number(context.variables(), "packagingWeightKg");
    double declared = PackageVariable.number(context.variables(), "declaredWeightKg");
    return StepResult.complete(check.weigh(context.site().id(), expected, declared))
        .withMeasure("weightMismatchKg", check.mismatchKg(expected, declared));
  }
}
