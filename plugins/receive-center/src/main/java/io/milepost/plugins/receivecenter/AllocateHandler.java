package io.milepost.plugins.receivecenter;

import io.milepost.network.Order;
import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.Inventory;
import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.StepContext;
import io.milepost.plugin.api.StepHandler;
import io.milepost.plugin.api.StepResult;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/**
 * {@code fulfillment.allocate} at a receive center, for both directions of the network. Both read {@code
 * fulfillmentType} ({@code SORTABLE}, {@code BULKY}, {@code SPECIALTY}), the result of the decision table
 * {@code fulfillment-type} that the process evaluates before this step: which building type may take the
 * units is the process engineer's rule, not this plugin's.
 *
 * <p>With an {@code order} variable (order-fulfillment): chooses the fulfilling building of that type with
 * {@link OrderAllocator}, reserves the order's units there and writes {@code fulfillmentSiteId}, {@code
 * bulky}, {@code sortCenterSiteId} and {@code deliveryStationSiteId} (the customer region's) and {@code
 * allocation} (the reasons). The optional {@code allocationScope} is {@code REGION} (the customer's region
 * only) or {@code NETWORK} (default). When no building of the scope has every line in stock it throws the
 * BPMN error {@code OUT_OF_STOCK} and reserves nothing.
 *
 * <p>With a {@code shipment} and its {@code receipt} instead (inbound-receiving): splits the accepted
 * units across buildings of that type with {@link InboundAllocator}, books them as in transit to those
 * buildings and writes {@code transferPlan}, a list of {@code {destinationSiteId, sku, quantity}}.
 */
@Extension
public final class AllocateHandler implements StepHandler {

  /** The variables this step reads; either {@code order} or {@code shipment} with {@code receipt}. */
  record Variables(Order order, Shipment shipment, AcceptedUnits receipt, String allocationScope, String fulfillmentType) {}

  /** The one field of {@code receipt} the inbound allocation needs. */
  record AcceptedUnits(Integer acceptedQuantity) {}

  @Override
  public String jobType() {
    return "fulfillment.allocate";
  }

  @Override
  public Set<BuildingType> buildingTypes() {
    return EnumSet.of(BuildingType.RECEIVE_CENTER);
  }

  @Override
  public List<DataSet> dataSets() {
    return Network.DATA_SETS;
  }

  @Override
  public StepResult handle(StepContext context) {
    Variables variables = context.variables(Variables.class);
    Network network = Network.of(context);
    if (variables.order() != null) {
      requireWhereTo(variables.order());
      return allocateOrder(network, variables.order(), FulfillmentType.fromDecision(variables.fulfillmentType()),
          scope(variables.allocationScope()), context.inventory());
    }
    if (variables.shipment() != null && variables.receipt() != null && variables.receipt().acceptedQuantity() != null) {
      Shipment shipment = variables.shipment();
      List<InboundAllocator.Transfer> plan =
          new InboundAllocator(network).allocate(shipment, FulfillmentType.fromDecision(variables.fulfillmentType()),
              variables.receipt().acceptedQuantity(), context.site().id());
      plan.forEach(transfer -> context.inventory()
          .addInTransit(transfer.destinationSiteId(), transfer.sku(), transfer.quantity(), shipment.shipmentId()));
      return StepResult.complete(Map.of("transferPlan", plan.stream().map(InboundAllocator.Transfer::toVariable).toList()));
    }
    throw new IllegalArgumentException(
        "Expected the variable 'order', or 'shipment' with 'receipt.acceptedQuantity', but the job has neither");
  }

  private static StepResult allocateOrder(Network network, Order order, FulfillmentType type,
      OrderAllocator.Scope scope, Inventory stock) {
    var found = new OrderAllocator(network).allocate(order, type, scope, stock);
    if (found.isEmpty()) {
      String lines = order.items().stream().map(item -> item.sku() + " x" + item.quantity()).collect(Collectors.joining(", "));
      String where = scope == OrderAllocator.Scope.REGION ? "in region " + order.customerRegion() : "in the network";
      return StepResult.error("OUT_OF_STOCK", "No " + type.buildingType + " " + where
          + " has stock for all of " + lines + " (order " + order.orderId() + ")");
    }
    OrderAllocator.Allocation allocation = found.get();
    Map<String, Object> reasons = new LinkedHashMap<>();
    reasons.put("siteId", allocation.building().siteId());
    reasons.put("region", allocation.building().region());
    reasons.put("crossRegion", allocation.crossRegion());
    reasons.put("distanceKm", Math.round(allocation.distanceKm()));
    reasons.put("scope", scope.name());

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("fulfillmentSiteId", allocation.building().siteId());
    out.put("bulky", allocation.type() == FulfillmentType.BULKY);
    out.put("sortCenterSiteId", network.regional(BuildingType.SORT_CENTER, order.customerRegion()).siteId());
    out.put("deliveryStationSiteId", network.regional(BuildingType.DELIVERY_STATION, order.customerRegion()).siteId());
    out.put("allocation", reasons);
    return StepResult.complete(out).withMeasure("crossRegion", allocation.crossRegion() ? 1 : 0);
  }

  private static void requireWhereTo(Order order) {
    Objects.requireNonNull(order.customerRegion(), "Expected order.customerRegion, but it was missing");
    Objects.requireNonNull(order.destinationPostalCode(), "Expected order.destinationPostalCode, but it was missing");
  }

  private static OrderAllocator.Scope scope(String value) {
    if (value == null || value.isBlank()) {
      return OrderAllocator.Scope.NETWORK;
    }
    try {
      return OrderAllocator.Scope.valueOf(value.toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Expected allocationScope REGION or NETWORK, but found '" + value + "'", e);
    }
  }
}
