package io.milepost.plugins.receivecenter;

import io.milepost.network.Order;
import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.Reservation;
import io.milepost.plugin.api.StepContext;
import io.milepost.plugin.api.StepHandler;
import io.milepost.plugin.api.StepResult;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code fulfillment.release} at the customer region's receive center (the one that allocated the order):
 * gives the units an order still holds back to available stock, when it is cancelled or backordered. An
 * order that holds nothing (allocation reserves all or nothing, so a backordered order usually holds
 * nothing) or whose units were already picked releases nothing, and says so.
 *
 * <p>Reads {@code order} and the optional {@code cancellationReason}; writes {@code release}: {@code
 * {orderId, released, reservation (OPEN, SHIPPED, RELEASED or NONE as it
 * stands now), siteId, unitsBySku (released), reason}}.
 */
@Extension
public final class ReleaseHandler implements StepHandler {

  /** The variables this step reads. */
  record Variables(Order order, String cancellationReason) {}

  @Override
  public String jobType() {
    return "fulfillment.release";
  }

  @Override
  public Set<BuildingType> buildingTypes() {
    return EnumSet.of(BuildingType.RECEIVE_CENTER);
  }

  @Override
  public StepResult handle(StepContext context) {
    Variables variables = context.variables(Variables.class);
    if (variables.order() == null) {
      throw new IllegalArgumentException("Expected the variable 'order', but the job has none");
    }
    String orderId = variables.order().orderId();
    var held = context.inventory().release(orderId);
    boolean released = held.map(reservation -> reservation.state() == Reservation.State.RELEASED).orElse(false);
    Map<String, Object> release = new LinkedHashMap<>();
    release.put("orderId", orderId);
    release.put("released", released);
    release.put("reservation", held.map(reservation -> reservation.state().name()).orElse("NONE"));
    release.put("siteId", held.map(Reservation::siteId).orElse(null));
    release.put("unitsBySku", released ? held.get().unitsBySku() : Map.of());
    release.put("reason", variables.cancellationReason() == null ? "backordered" : variables.cancellationReason());
    return StepResult.complete(Map.of("release", release));
  }
}
