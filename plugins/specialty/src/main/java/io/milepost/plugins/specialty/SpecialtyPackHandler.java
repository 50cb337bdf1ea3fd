package io.milepost.plugins.specialty;

import io.milepost.network.Order;
import io.milepost.network.Rounding;
import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.StepContext;
import io.milepost.plugin.api.StepHandler;
import io.milepost.plugin.api.StepResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code fulfillment.pack} at a specialty building: chooses a bag or box ({@link Packaging}) and the marks
 * the package needs.
 *
 * <p>Hazmat ships as a limited quantity: each hazmat unit at most {@value #LQ_MAX_UNIT_KG} kg and the
 * package at most {@value #LQ_MAX_PACKAGE_KG} kg gross. Such a package carries the {@code LIMITED_QUANTITY}
 * mark and is {@code groundOnly} (no air transport). A package over those limits would be fully
 * regulated, which needs shipping papers this building does not issue: BPMN error {@code
 * HAZMAT_NOT_LIMITED_QUANTITY}. Fragile items get {@code FRAGILE} and {@code THIS_SIDE_UP}.
 *
 * <p>Reads {@code order}; writes {@code package}: {@code {boxCode, packagingType, lengthCm, widthCm,
 * heightCm, itemsWeightKg, packagingWeightKg, declaredWeightKg, labels, groundOnly, units}}.
 */
@Extension
public final class SpecialtyPackHandler implements StepHandler {

  static final double LQ_MAX_UNIT_KG = 5.0;
  static final double LQ_MAX_PACKAGE_KG = 30.0;

  @Override
  public String jobType() {
    return "fulfillment.pack";
  }

  @Override
  public Set<BuildingType> buildingTypes() {
    return EnumSet.of(BuildingType.SPECIALTY);
  }

  @Override
  public List<DataSet> dataSets() {
    return List.of(Packaging.DATA_SET);
  }

  @Override
  public StepResult handle(StepContext context) {
    Order order = context.variables(Order.Variables.class).requireOrder();
    var chosen = Packaging.of(context.siteData(Packaging.DATA_SET)).choose(order);
    if (chosen.isEmpty()) {
      return StepResult.error("NO_BOX_FITS", "No bag or box holds order " + order.orderId());
    }
    Packaging.Container container = chosen.get();
    double itemsKg = order.declaredItemsWeightKg();
    double grossKg = itemsKg + container.tareKg();
    boolean hazmat = Category.HAZMAT.anyIn(order);
    if (hazmat && (grossKg > LQ_MAX_PACKAGE_KG || order.items().stream()
        .anyMatch(item -> Category.of(item) == Category.HAZMAT && item.weightKg() > LQ_MAX_UNIT_KG))) {
      return StepResult.error("HAZMAT_NOT_LIMITED_QUANTITY", "Order " + order.orderId()
          + " exceeds the limited-quantity limits (" + LQ_MAX_UNIT_KG + " kg a unit, " + LQ_MAX_PACKAGE_KG + " kg a package)");
    }
    List<String> labels = new ArrayList<>();
    if (hazmat) {
      labels.add("LIMITED_QUANTITY");
    }
    if (Category.FRAGILE.anyIn(order)) {
      labels.add("FRAGILE");
      labels.add("THIS_SIDE_UP");
    }

    Map<String, Object> parcel = new LinkedHashMap<>();
    parcel.put("boxCode", container.code());
    parcel.put("packagingType", container.type());
    parcel.put("lengthCm", container.lengthCm());
    parcel.put("widthCm", container.widthCm());
    parcel.put("heightCm", container.depthCm());
    parcel.put("itemsWeightKg", Rounding.round2(itemsKg));
    parcel.put("packagingWeightKg", Rounding.round2(container.tareKg()));
    parcel.put("declaredWeightKg", Rounding.round2(grossKg));
    parcel.put("labels", labels);
    parcel.put("groundOnly", hazmat);
    parcel.put("units", order.units());
    return StepResult.complete(Map.of("package", parcel));
  }
}
