package io.milepost.plugins.receivecenter;

import io.milepost.plugin.api.BuildingType;
import java.util.Arrays;

/**
 * Which kind of building fulfils an order or takes a shipment's SKU. The rule that chooses it (sortable
 * limits, hazmat, bulky) is not here: it is the process engineer's decision table {@code fulfillment-type}
 * in {@code bpmn/fulfillment-type.dmn}, which a business rule task evaluates before allocation; the
 * allocation reads its result, the variable {@code fulfillmentType}.
 */
enum FulfillmentType {
  SORTABLE(BuildingType.SORTABLE_FC),
  BULKY(BuildingType.NON_SORTABLE_FC),
  SPECIALTY(BuildingType.SPECIALTY);

  static final String VARIABLE = "fulfillmentType";

  final BuildingType buildingType;

  FulfillmentType(BuildingType buildingType) {
    this.buildingType = buildingType;
  }

  /** The decision's result as the job carries it, refused with what was expected when missing or unknown. */
  static FulfillmentType fromDecision(String value) {
    if (value == null) {
      throw new IllegalArgumentException("Expected the variable '" + VARIABLE + "' (the result of the decision "
          + "fulfillment-type, evaluated by a business rule task before allocation), but the job has none");
    }
    return Arrays.stream(values()).filter(type -> type.name().equals(value)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Expected " + VARIABLE + " to be one of "
            + Arrays.toString(values()) + ", but found '" + value + "'"));
  }
}
