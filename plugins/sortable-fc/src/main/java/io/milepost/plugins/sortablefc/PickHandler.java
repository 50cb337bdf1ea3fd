package io.milepost.plugins.sortablefc;

import io.milepost.network.Order;
import io.milepost.network.OrderItem;
import io.milepost.network.Rounding;
import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.StepContext;
import io.milepost.plugin.api.StepHandler;
import io.milepost.plugin.api.StepResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code fulfillment.pick} at a sortable FC: robots bring pods to a pick station. The pick list is ordered
 * by pod location so each pod is presented once, and every unit goes into a tote ({@link Totes}).
 *
 * <p>Reads {@code order}; writes {@code pick}: {@code {siteId, pickList: [{sku, quantity, location, toteIds}],
 * totes: [{toteId, units, weightKg}], toteCount, stock}} ({@code SHIPPED} once the reserved units left
 * the site's stock). A SKU the site has not slotted yet (received since the slotting was planned) is picked
 * from the site's random-stow area, location {@code STOW-<sku>}. Pod locations are the site's
 * {@link Slotting} data set.
 */
@Extension
public final class PickHandler implements StepHandler {

  @Override
  public String jobType() {
    return "fulfillment.pick";
  }

  @Override
  public Set<BuildingType> buildingTypes() {
    return EnumSet.of(BuildingType.SORTABLE_FC);
  }

  @Override
  public List<DataSet> dataSets() {
    return List.of(Slotting.DATA_SET);
  }

  @Override
  public StepResult handle(StepContext context) {
    Order order = context.variables(Order.Variables.class).requireOrder();
    String siteId = context.site().id();
    Slotting slotting = Slotting.of(context.siteData(Slotting.DATA_SET));
    List<Totes.Tote> totes = Totes.assign(order.orderId(), order.items());

    List<Map<String, Object>> pickList = new ArrayList<>();
    order.items().stream()
        .sorted(Comparator.comparing((OrderItem item) -> locationOf(slotting, item.sku())))
        .forEach(item -> {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("sku", item.sku());
          line.put("quantity", item.quantity());
          line.put("location", locationOf(slotting, item.sku()));
          line.put("toteIds", totes.stream().filter(tote -> tote.skus().contains(item.sku())).map(Totes.Tote::toteId).toList());
          pickList.add(line);
        });

    Map<String, Object> pick = new LinkedHashMap<>();
    pick.put("siteId", siteId);
    pick.put("pickList", pickList);
    pick.put("totes", totes.stream().map(tote -> Map.<String, Object>of(
        "toteId", tote.toteId(), "units", tote.skus().size(), "weightKg", Rounding.round2(tote.weightKg()))).toList());
    pick.put("toteCount", totes.size());
    // The picked units leave the site: the reservation the allocation made becomes a shipment.
    pick.put("stock", context.inventory().ship(context.site().id(), order.orderId())
        .map(reservation -> reservation.state().name()).orElse("NOT_RESERVED"));
    return StepResult.complete(Map.of("pick", pick));
  }

  private static String locationOf(Slotting slotting, String sku) {
    return slotting.location(sku).orElse("STOW-" + sku);
  }
}
