package io.milepost.plugins.receivecenter;

import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.StepContext;
import io.milepost.plugin.api.StepHandler;
import io.milepost.plugin.api.StepResult;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code fulfillment.receive} at a receive center: books the associate's count and inspection (the
 * {@code count-and-inspect} form) into inventory as a {@link Receipt}.
 *
 * <p>Reads {@code shipment}, {@code receivedQuantity}, {@code damagedQuantity} (default 0) and {@code
 * inspectionPassed} (default true). A failed inspection rejects the whole shipment. Otherwise the
 * undamaged units are accepted; the receipt is {@code ACCEPTED_WITH_DISCREPANCY} when units were
 * damaged or the count differs from the advance shipping notice by more than {@value
 * #COUNT_TOLERANCE_SHARE} (vendors round to case packs). Writes {@code receipt}.
 */
@Extension
public final class ReceiveHandler implements StepHandler {

  static final double COUNT_TOLERANCE_SHARE = 0.02;

  /** The variables this step reads. */
  record Variables(Shipment shipment, Integer receivedQuantity, Integer damagedQuantity, Boolean inspectionPassed) {}

  @Override
  public String jobType() {
    return "fulfillment.receive";
  }

  @Override
  public Set<BuildingType> buildingTypes() {
    return EnumSet.of(BuildingType.RECEIVE_CENTER);
  }

  @Override
  public StepResult handle(StepContext context) {
    Variables variables = context.variables(Variables.class);
    Shipment shipment = Objects.requireNonNull(variables.shipment(), "Expected the variable 'shipment', but the job has none");
    int received = Objects.requireNonNull(variables.receivedQuantity(),
        "Expected the variable 'receivedQuantity' from the count, but the job has none");
    int damaged = variables.damagedQuantity() == null ? 0 : variables.damagedQuantity();
    if (received < 0 || damaged < 0 || damaged > received) {
      throw new IllegalArgumentException("Expected 0 <= damagedQuantity <= receivedQuantity, but found "
          + damaged + " damaged of " + received + " received");
    }
    int variance = received - shipment.expectedQuantity();
    Receipt receipt;
    if (Boolean.FALSE.equals(variables.inspectionPassed())) {
      receipt = new Receipt(shipment.shipmentId(), shipment.sku(), 0, damaged, variance, received, "REJECTED");
    } else {
      int chargeback = damaged + Math.max(0, -variance);
      boolean countWithinTolerance = Math.abs(variance) <= shipment.expectedQuantity() * COUNT_TOLERANCE_SHARE;
      String disposition = damaged == 0 && countWithinTolerance ? "ACCEPTED" : "ACCEPTED_WITH_DISCREPANCY";
      receipt = new Receipt(shipment.shipmentId(), shipment.sku(), received - damaged, damaged, variance, chargeback, disposition);
    }
    return StepResult.complete(Map.of("receipt", receipt.toVariable()));
  }
}
