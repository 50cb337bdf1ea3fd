package io.milepost.network;

import io.milepost.plugin.api.StepContext;
import java.util.Objects;

/**
 * The part of the {@code order} variable that steps after packing need: where the parcel goes. Sort
 * centers and delivery stations read only this, so an order's items may change shape without them.
 */
public record OrderDestination(String orderId, String destinationPostalCode) {

  record Variables(OrderDestination order) {}

  /** The job's order destination, failing with what is missing. */
  public static OrderDestination of(StepContext context) {
    OrderDestination order = Objects.requireNonNull(context.variables(Variables.class).order(),
        "Expected the variable 'order', but the job has none");
    Objects.requireNonNull(order.destinationPostalCode(), "Expected order.destinationPostalCode, but it was missing");
    return order;
  }
}
