package io.milepost.plugin.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Units held at one site for one order.
 *
 * @param unitsBySku the units per SKU, by SKU
 * @param state      {@code OPEN} (held), {@code SHIPPED} (picked, gone from the site) or {@code RELEASED}
 */
public record Reservation(String reference, String siteId, Map<String, Integer> unitsBySku, State state) {

  /** Where a reservation stands. */
  public enum State { OPEN, SHIPPED, RELEASED }

  public Reservation {
    unitsBySku = Collections.unmodifiableMap(new LinkedHashMap<>(unitsBySku));
  }
}
