package io.milepost.plugins.specialty;

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
 * certifiedPickerRequired}}.
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
        .sorted(Comparator.comparingInt((Order.Item item) -> pickSequence(item.categoryRule())).thenComparing(Order.Item::sku))
        .map(item -> {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("sku", item.sku());
          line.put("quantity", item.quantity());
          line.put("zone", item.categoryRule().pickZone);
          return line;
        }).toList();
    Map<String, Object> pick = new LinkedHashMap<>();
    pick.put("siteId", context.site().id());
    pick.put("pickList", pickList);
    pick.put("certifiedPickerRequired", order.has(Category.HAZMAT));
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
