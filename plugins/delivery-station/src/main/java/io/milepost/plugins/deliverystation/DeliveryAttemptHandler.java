package io.milepost.plugins.deliverystation;

import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.StepContext;
import io.milepost.plugin.api.StepHandler;
import io.milepost.plugin.api.StepResult;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code fulfillment.delivery-attempt}: the driver at the door, with what the station knows of the address
 * ({@link DeliveryPoints}, site data). In this order:
 * <ol>
 *   <li>a gated address without an access code cannot be reached: failed, {@code NO_ACCESS};</li>
 *   <li>someone is usually home in the parcel's wave there: {@code HANDED_TO_RECIPIENT};</li>
 *   <li>a parcel that needs a signature is never left behind: failed, {@code SIGNATURE_REQUIRED};</li>
 *   <li>where the parcel or the station's record allows a safe place, it is left there: {@code LEFT_AT_SAFE_PLACE};</li>
 *   <li>otherwise failed, {@code RECIPIENT_UNAVAILABLE}.</li>
 * </ol>
 * A failed attempt is retried the next day, up to {@value #MAX_ATTEMPTS} attempts; then the parcel goes
 * back to the sender.
 *
 * <p>Reads {@code parcel}, {@code routeAssignment.wave} and {@code deliveryAttempts} (default 0); writes {@code deliveryOutcome} ({@code DELIVERED}, {@code RETRY_NEXT_DAY}, {@code
 * RETURN_TO_SENDER}), {@code deliveryAttempts} (incremented) and {@code deliveryNote}.
 */
@Extension
public final class DeliveryAttemptHandler implements StepHandler {

  static final int MAX_ATTEMPTS = 3;

  @Override
  public String jobType() {
    return "fulfillment.delivery-attempt";
  }

  @Override
  public Set<BuildingType> buildingTypes() {
    return EnumSet.of(BuildingType.DELIVERY_STATION);
  }

  @Override
  public List<DataSet> dataSets() {
    return List.of(DeliveryPoints.DATA_SET);
  }

  @Override
  public StepResult handle(StepContext context) {
    Parcel.Variables variables = context.variables(Parcel.Variables.class);
    Parcel parcel = variables.requireParcel();
    String wave = variables.routeAssignment() == null ? null : variables.routeAssignment().wave();
    var point = DeliveryPoints.of(context.siteData(DeliveryPoints.DATA_SET)).at(parcel.destinationPostalCode());
    int attempt = (variables.deliveryAttempts() == null ? 0 : variables.deliveryAttempts()) + 1;

    String note;
    boolean delivered;
    if (Parcel.isTrue(parcel.gatedAccess()) && (parcel.accessCode() == null || parcel.accessCode().isBlank())) {
      delivered = false;
      note = "NO_ACCESS";
    } else if (point.isPresent() && point.get().attendedIn(wave)) {
      delivered = true;
      note = "HANDED_TO_RECIPIENT";
    } else if (Parcel.isTrue(parcel.signatureRequired())) {
      delivered = false;
      note = "SIGNATURE_REQUIRED";
    } else if (Parcel.isTrue(parcel.safePlaceAllowed()) || point.map(DeliveryPoints.Point::safePlace).orElse(false)) {
      delivered = true;
      note = "LEFT_AT_SAFE_PLACE";
    } else {
      delivered = false;
      note = "RECIPIENT_UNAVAILABLE";
    }
    String outcome = delivered ? "DELIVERED" : attempt >= MAX_ATTEMPTS ? "RETURN_TO_SENDER" : "RETRY_NEXT_DAY";
    return StepResult.complete(Map.of("deliveryOutcome", outcome, "deliveryAttempts", attempt, "deliveryNote", note));
  }
}
