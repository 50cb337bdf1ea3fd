package io.milepost.plugins.sortablefc;

import io.milepost.network.Order;
import io.milepost.network.OrderItem;
import io.milepost.network.PackageVariable;
import io.milepost.network.Rounding;
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
 * {@code fulfillment.pack} at a sortable FC: recommends a box from the site's {@link BoxCatalogue}, fills the
 * void with {@link Dunnage} and declares the package weight (declared item weights + box + dunnage).
 *
 * <p>Reads {@code order}; writes {@code package} ({@link PackedPackage}). When no box holds the whole
 * order it throws the BPMN error {@code NO_BOX_FITS}: such an order must be split by hand.
 */
@Extension
public final class PackHandler implements StepHandler {

  @Override
  public String jobType() {
    return "fulfillment.pack";
  }

  @Override
  public Set<BuildingType> buildingTypes() {
    return EnumSet.of(BuildingType.SORTABLE_FC);
  }

  @Override
  public List<DataSet> dataSets() {
    return List.of(BoxCatalogue.DATA_SET);
  }

  @Override
  public StepResult handle(StepContext context) {
    Order order = context.variables(Order.Variables.class).requireOrder();
    var recommended = BoxCatalogue.of(context.siteData(BoxCatalogue.DATA_SET)).recommend(order);
    if (recommended.isEmpty()) {
      return StepResult.error("NO_BOX_FITS", "No box of the catalogue holds order " + order.orderId() + " ("
          + Rounding.round2(order.itemsVolumeCm3() / 1000) + " l, " + Rounding.round2(order.declaredItemsWeightKg()) + " kg)");
    }
    BoxCatalogue.Box box = recommended.get();
    Dunnage dunnage = Dunnage.choose(order);
    double voidLitres = (box.volumeCm3() - order.itemsVolumeCm3()) / 1000.0;
    double packagingKg = box.tareKg() + dunnage.weightKg(voidLitres);
    double itemsKg = order.declaredItemsWeightKg();
    int units = order.items().stream().mapToInt(OrderItem::quantity).sum();

    PackedPackage parcel = new PackedPackage(box.code(), box.lengthCm(), box.widthCm(), box.heightCm(),
        Rounding.round2(itemsKg), Rounding.round2(packagingKg), Rounding.round2(itemsKg + packagingKg),
        dunnage.name(), Rounding.round2(voidLitres), units);
    return StepResult.complete(Map.of(PackageVariable.NAME, parcel.toVariable()))
        .withMeasure("voidFillLitres", Rounding.round2(voidLitres));
  }
}
