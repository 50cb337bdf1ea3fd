package io.milepost.plugins.receivecenter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code receipt} variable: what a receive center accepted of a shipment into inventory.
 *
 * @param varianceUnits   received minus expected: negative when the vendor shipped short
 * @param chargebackUnits units the vendor is charged back for: damaged plus short-shipped
 * @param disposition     {@code ACCEPTED}, {@code ACCEPTED_WITH_DISCREPANCY} or {@code REJECTED}
 */
record Receipt(String shipmentId, String sku, int acceptedQuantity, int damagedQuantity, int varianceUnits,
    int chargebackUnits, String disposition) {

  Map<String, Object> toVariable() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("shipmentId", shipmentId);
    value.put("sku", sku);
    value.put("acceptedQuantity", acceptedQuantity);
    value.put("damagedQuantity", damagedQuantity);
    value.put("varianceUnits", varianceUnits);
    value.put("chargebackUnits", chargebackUnits);
    value.put("disposition", disposition);
    return value;
  }
}
