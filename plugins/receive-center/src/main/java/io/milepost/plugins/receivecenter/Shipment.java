package io.milepost.plugins.receivecenter;

import java.util.Objects;

/**
 * The {@code shipment} process variable of inbound receiving: one SKU a vendor sends to a receive center.
 *
 * @param expectedQuantity units on the vendor's advance shipping notice
 */
record Shipment(String shipmentId, String vendor, String sku, int expectedQuantity, double unitWeightKg,
    double lengthCm, double widthCm, double heightCm, String category) {

  Shipment {
    Objects.requireNonNull(shipmentId, "Expected shipment.shipmentId, but it was missing");
    Objects.requireNonNull(sku, "Expected shipment.sku, but it was missing");
  }

  double unitVolumeCm3() {
    return lengthCm * widthCm * heightCm;
  }
}
