package io.milepost.plugin.api;

/** The kinds of building in the fulfillment network; every {@link Site} is exactly one of them. */
public enum BuildingType {
  /** Fulfillment center for small items: robotic pick, packed into a recommended box. */
  SORTABLE_FC,
  /** Fulfillment center for bulky items: team lift, custom packaging and crating. */
  NON_SORTABLE_FC,
  /** Sorts parcels by destination onto trucks, seven days a week. */
  SORT_CENTER,
  /** Receives large inventory shipments from vendors and allocates them across fulfillment centers. */
  RECEIVE_CENTER,
  /** Last mile: inducts parcels, sorts them to routes and dispatches drivers in waves. */
  DELIVERY_STATION,
  /** Handles items with category rules: hazardous materials, apparel, fragile goods. */
  SPECIALTY
}
