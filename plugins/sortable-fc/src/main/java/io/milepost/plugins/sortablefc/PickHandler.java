package io.milepost.plugins.sortablefc;

import io.milepost.plugin.api.BuildingType;
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
 * totes: [{toteId, units, weightKg}], toteCount}}. A SKU the site has not slotted fails the job: the
 * allocation sent the order to a site that cannot pick it, which someone has to look at.
 */
@Extension
public final class PickHandler implements StepHandler {

  private final Slotting slotting = Slotting.load();

  @Override
  public String jobType() {
    return "fulfillment.pick";
  }

  @Override
  public Set<BuildingType> buildingTypes() {
    return EnumSet.of(BuildingType.SORTABLE_FC);
  }

  @Override
  public StepResult handle(StepContext context) {
    Order order = context.variables(Order.Variables.class).requireOrder();
    String siteId = context.site().id();
    List<Totes.Tote> totes = Totes.assign(order.orderId(), order.items());

    List<Map<String, Object>> pickList = new ArrayList<>();
    order.items().stream()
        .sorted(Comparator.comparing((OrderItem item) -> locationOf(siteId, item.sku())))
        .forEach(item -> {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("sku", item.sku());
          line.put("quantity", item.quantity());
          line.put("location", locationOf(siteId, item.sku()));
          line.put("toteIds", totes.stream().filter(tote -> tote.skus().contains(item.sku())).map(Totes.Tote::toteId).toList());
          pickList.add(line);
        });

    Map<String, Object> pick = new LinkedHashMap<>();
    pick.put("siteId", siteId);
    pick.put("pickList", pickList);
    pick.put("totes", totes.stream().map(tote -> Map.<String, Object>of(
        "toteId", tote.toteId(), "units", tote.skus().size(), "weightKg", Kg.round2(tote.weightKg()))).toList());
    pick.put("toteCount", totes.size());
    return StepResult.complete(Map.of("pick", pick));
  }

  private String locationOf(String siteId, String sku) {
    return slotting.location(siteId, sku).orElseThrow(() -> new IllegalStateException(
        "Expected SKU " + sku + " to be slotted at " + siteId + ", but the site has no pod location for it"));
  }
}
