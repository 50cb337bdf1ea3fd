package io.milepost.plugins.nonsortablefc;

import io.milepost.network.Order;
import io.milepost.plugin.api.BuildingType;
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
 * {@code fulfillment.pick} at a non-sortable FC: each line with its crew or equipment ({@link LiftRule})
 * and its storage zone: units over {@value #FLOOR_STORAGE_KG} kg are stored on the floor, lighter ones in
 * racks.
 *
 * <p>Reads {@code order}; writes {@code pick}: {@code {siteId, pickList: [{sku, quantity, zone, crewSize,
 * equipment}], teamLift, maxCrewSize, stock}}.
 */
@Extension
public final class BulkyPickHandler implements StepHandler {

  static final double FLOOR_STORAGE_KG = 32.0;

  @Override
  public String jobType() {
    return "fulfillment.pick";
  }

  @Override
  public Set<BuildingType> buildingTypes() {
    return EnumSet.of(BuildingType.NON_SORTABLE_FC);
  }

  @Override
  public StepResult handle(StepContext context) {
    Order order = context.variables(Order.Variables.class).requireOrder();
    List<Map<String, Object>> pickList = order.items().stream().map(item -> {
      LiftRule lift = LiftRule.of(item);
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("sku", item.sku());
      line.put("quantity", item.quantity());
      line.put("zone", item.weightKg() > FLOOR_STORAGE_KG ? "FLOOR" : "RACK");
      line.put("crewSize", lift.crewSize());
      line.put("equipment", lift.equipment());
      return line;
    }).toList();

    Map<String, Object> pick = new LinkedHashMap<>();
    pick.put("siteId", context.site().id());
    pick.put("pickList", pickList);
    pick.put("teamLift", order.items().stream().map(LiftRule::of).anyMatch(LiftRule::teamLift));
    pick.put("maxCrewSize", order.items().stream().map(LiftRule::of).mapToInt(LiftRule::crewSize).max().orElse(1));
    // The picked units leave the site: the reservation the allocation made becomes a shipment.
    pick.put("stock", context.inventory().ship(context.site().id(), order.orderId())
        .map(reservation -> reservation.state().name()).orElse("NOT_RESERVED"));
    return StepResult.complete(Map.of("pick", pick));
  }
}
