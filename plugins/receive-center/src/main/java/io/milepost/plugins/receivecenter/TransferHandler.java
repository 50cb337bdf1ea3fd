package io.milepost.plugins.receivecenter;

import io.milepost.plugin.api.BuildingType;
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
import org.pf4j.Extension;

/**
 * {@code fulfillment.transfer} at a receive center: builds pallets and trailers for one line of the
 * {@code transferPlan} (one instance of the multi-instance task per destination).
 *
 * <p>A pallet is 120 x 100 cm, stacked to 150 cm, {@value #PALLET_FILL} of it usable, and carries at most
 * {@value #PALLET_MAX_KG} kg; a 53-foot trailer takes {@value #PALLETS_PER_TRAILER} pallets. Transit
 * time is the road distance at {@value #TRUCK_KMH} km/h plus {@value #DOCK_HOURS} hours at the docks.
 * Reads {@code transfer} and {@code shipment}; writes {@code transferResult}. When the step completes the
 * units are on hand at the destination: the units the allocation booked in transit there arrive.
 */
@Extension
public final class TransferHandler implements StepHandler {

  static final double PALLET_FILL = 0.8;
  static final double PALLET_MAX_KG = 1000;
  static final int PALLETS_PER_TRAILER = 26;
  static final double TRUCK_KMH = 80;
  static final double DOCK_HOURS = 2;

  /** One line of the transfer plan. */
  record Transfer(String destinationSiteId, String sku, int quantity) {}

  /** The variables this step reads. */
  record Variables(Transfer transfer, Shipment shipment) {}

  @Override
  public String jobType() {
    return "fulfillment.transfer";
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
    Transfer transfer = Objects.requireNonNull(variables.transfer(), "Expected the variable 'transfer', but the job has none");
    Shipment shipment = Objects.requireNonNull(variables.shipment(), "Expected the variable 'shipment', but the job has none");

    int byVolume = (int) Math.floor(120 * 100 * 150 * PALLET_FILL / shipment.unitVolumeCm3());
    int byWeight = (int) Math.floor(PALLET_MAX_KG / shipment.unitWeightKg());
    int unitsPerPallet = Math.max(1, Math.min(byVolume, byWeight));
    int pallets = ceilDiv(transfer.quantity(), unitsPerPallet);
    Network network = Network.of(context);
    double distanceKm = network.distanceKm(network.building(context.site().id()), network.building(transfer.destinationSiteId()));

    context.inventory().arrive(transfer.destinationSiteId(), transfer.sku(), transfer.quantity(), shipment.shipmentId());

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("transferId", shipment.shipmentId() + "-" + transfer.destinationSiteId());
    result.put("destinationSiteId", transfer.destinationSiteId());
    result.put("sku", transfer.sku());
    result.put("quantity", transfer.quantity());
    result.put("unitsPerPallet", unitsPerPallet);
    result.put("pallets", pallets);
    result.put("trailers", ceilDiv(pallets, PALLETS_PER_TRAILER));
    result.put("transitHours", (int) Math.ceil(distanceKm / TRUCK_KMH + DOCK_HOURS));
    return StepResult.complete(Map.of("transferResult", result));
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
