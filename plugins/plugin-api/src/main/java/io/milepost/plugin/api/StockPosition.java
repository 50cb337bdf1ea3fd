package io.milepost.plugin.api;

/**
 * How many units of a SKU a site has.
 *
 * @param onHand    units in the building, reserved ones included
 * @param reserved  units promised to orders that have not been picked yet
 * @param inTransit units on their way to the building
 */
public record StockPosition(String siteId, String sku, int onHand, int reserved, int inTransit) {

  /** Units an order can still reserve. */
  public int available() {
    return onHand - reserved;
  }
}
