package io.milepost.plugins.specialty;

import io.milepost.network.Order;
import io.milepost.network.OrderItem;
import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.StepContext;
import io.milepost.plugin.api.StepHandler;
import io.milepost.plugin.api.StepResult;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code fulfillment.pick} at a specialty building: each line from its category's zone ({@link Category}),
 * hazmat first so the certified associate's cage run is one trip, fragile last so nothing is stacked on it.
 *
 * <p>Reads {@code order}; writes {@code pick}: {@code {siteId, pickList: [{sku, quantity, zone}],
 * certifiedPickerRequired, stock}}: {@code stock} is {@code SHIPPED} once the order's reserved units left
 * the site's stock, {@code NOT_RESERVED} when the order holds no reservation.
 */
@Extension
public final class SpecialtyPickHandler implements StepHandler {

  @Override
  public String jobType() {
    return "fulfillment.pick";
  }

  @Override
  public Set<BuildingType> buildingTypes() {
    return EnumSet.of(BuildingType.SPECIALTY);
  }

  @Override
  public StepResult handle(StepContext context) {
    Order order = context.variables(Order.Variables.class).requireOrder();
    List<Map<String, Object>> pickList = order.items().stream()
        .sorted(Comparator.comparingInt((OrderItem item) -> pickSequence(Category.of(item))).thenComparing(OrderItem::sku))
        .map(item -> {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("sku", item.sku());
          line.put("quantity", item.quantity());
          line.put("zone", Category.of(item).pickZone);
          return line;
        }).toList();
    Map<String, Object> pick = new LinkedHashMap<>();
    pick.put("siteId", context.site().id());
    pick.put("pickList", pickList);
    pick.put("certifiedPickerRequired", Category.HAZMAT.anyIn(order));
    // The picked units leave the site: the reservation the allocation made becomes a shipment.
    pick.put("stock", context.inventory().ship(context.site().id(), order.orderId())
        .map(reservation -> reservation.state().name()).orElse("NOT_RESERVED"));
    return StepResult.complete(Map.of("pick", pick));
  }

  private static int pickSequence(Category category) {
    return switch (category) {
      case HAZMAT -> 0;
      case GENERAL -> 1;
      case APPAREL -> 2;
      case FRAGILE -> 3;
    };
  }
}
