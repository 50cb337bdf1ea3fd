package io.milepost.plugins.nonsortablefc;

import io.milepost.network.Order;
import io.milepost.network.OrderItem;
import io.milepost.network.Rounding;
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
 * {@code fulfillment.pack} at a non-sortable FC: custom packaging built around each unit.
 *
 * <ul>
 *   <li>A wooden {@code CRATE} (10 cm clearance each side, plywood at {@value #CRATE_KG_PER_M2} kg/m²) for
 *       fragile units, units over {@value #CRATE_OVER_KG} kg and units longer than {@value
 *       #CRATE_OVER_LENGTH_CM} cm: they travel on forks and would crush a box.</li>
 *   <li>Otherwise a {@code DOUBLE_WALL} corrugated box cut to size (5 cm clearance, {@value
 *       #DOUBLE_WALL_KG_PER_M2} kg/m²).</li>
 *   <li>An order of several units goes on one {@code PALLET} (120 x 100 cm, {@value #PALLET_TARE_KG} kg,
 *       15 cm high), units stacked.</li>
 * </ul>
 * Reads {@code order}; writes {@code package}: {@code {boxCode, lengthCm, widthCm, heightCm, itemsWeightKg,
 * packagingWeightKg, declaredWeightKg, units, teamLift}}.
 */
@Extension
public final class BulkyPackHandler implements StepHandler {

  static final double CRATE_OVER_KG = 45.0;
  static final double CRATE_OVER_LENGTH_CM = 150.0;
  static final double CRATE_KG_PER_M2 = 6.0;
  static final double DOUBLE_WALL_KG_PER_M2 = 0.8;
  static final double PALLET_TARE_KG = 20.0;

  /** One unit in its packaging. */
  private record Packed(String kind, double lengthCm, double widthCm, double heightCm, double tareKg) {}

  @Override
  public String jobType() {
    return "fulfillment.pack";
  }

  @Override
  public Set<BuildingType> buildingTypes() {
    return EnumSet.of(BuildingType.NON_SORTABLE_FC);
  }

  @Override
  public StepResult handle(StepContext context) {
    Order order = context.variables(Order.Variables.class).requireOrder();
    double itemsKg = order.declaredItemsWeightKg();
    String code;
    double length = 0;
    double width = 0;
    double height = 0;
    double packagingKg = 0;
    for (OrderItem item : order.items()) {
      Packed packed = pack(item);
      length = Math.max(length, packed.lengthCm());
      width = Math.max(width, packed.widthCm());
      height += packed.heightCm() * item.quantity();
      packagingKg += packed.tareKg() * item.quantity();
    }
    if (order.units() == 1) {
      code = pack(order.items().getFirst()).kind();
    } else {
      code = "PALLET";
      length = Math.max(length, 120);
      width = Math.max(width, 100);
      height += 15;
      packagingKg += PALLET_TARE_KG;
    }

    Map<String, Object> parcel = new LinkedHashMap<>();
    parcel.put("boxCode", code);
    parcel.put("lengthCm", Rounding.round2(length));
    parcel.put("widthCm", Rounding.round2(width));
    parcel.put("heightCm", Rounding.round2(height));
    parcel.put("itemsWeightKg", Rounding.round2(itemsKg));
    parcel.put("packagingWeightKg", Rounding.round2(packagingKg));
    parcel.put("declaredWeightKg", Rounding.round2(itemsKg + packagingKg));
    parcel.put("units", order.units());
    parcel.put("teamLift", order.items().stream().map(LiftRule::of).anyMatch(LiftRule::teamLift) || itemsKg + packagingKg > LiftRule.ONE_PERSON_MAX_KG);
    return StepResult.complete(Map.of("package", parcel));
  }

  private static Packed pack(OrderItem unit) {
    boolean crate = unit.isFragile() || unit.weightKg() > CRATE_OVER_KG || unit.longestSideCm() > CRATE_OVER_LENGTH_CM;
    double clearance = crate ? 10 : 5;
    double l = unit.lengthCm() + 2 * clearance;
    double w = unit.widthCm() + 2 * clearance;
    double h = unit.heightCm() + 2 * clearance;
    double surfaceM2 = 2 * (l * w + l * h + w * h) / 10_000.0;
    return new Packed(crate ? "CRATE" : "DOUBLE_WALL", l, w, h, surfaceM2 * (crate ? CRATE_KG_PER_M2 : DOUBLE_WALL_KG_PER_M2));
  }
}
