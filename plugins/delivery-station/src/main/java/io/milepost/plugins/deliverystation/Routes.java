package io.milepost.plugins.deliverystation;

import java.util.Comparator;
import java.util.List;

/**
 * The delivery routes of each station by postal code; the longest matching prefix wins. A destination
 * outside the station's area goes to a partner carrier.
 */
final class Routes {

  static final String PARTNER_CARRIER = "PARTNER-CARRIER";

  /** Destinations starting with {@code prefix} are on {@code route}. */
  record Route(String stationId, String prefix, String route) {}

  static final List<Route> ROUTES = List.of(
      new Route("ds-west-1", "94607", "OAK-01"),
      new Route("ds-west-1", "94612", "OAK-01"),
      new Route("ds-west-1", "94610", "OAK-02"),
      new Route("ds-west-1", "94611", "OAK-02"),
      new Route("ds-west-1", "94618", "OAK-02"),
      new Route("ds-west-1", "94601", "OAK-03"),
      new Route("ds-west-1", "94606", "OAK-03"),
      new Route("ds-west-1", "94621", "OAK-03"),
      new Route("ds-west-1", "945", "EB-04"),
      new Route("ds-west-1", "946", "OAK-05"),
      new Route("ds-east-1", "11201", "BK-01"),
      new Route("ds-east-1", "11211", "BK-02"),
      new Route("ds-east-1", "11222", "BK-02"),
      new Route("ds-east-1", "11215", "BK-03"),
      new Route("ds-east-1", "11217", "BK-03"),
      new Route("ds-east-1", "112", "BK-04"),
      new Route("ds-east-1", "100", "MN-05"));

  private Routes() {}

  static String routeFor(String stationId, String postalCode) {
    return ROUTES.stream()
        .filter(route -> route.stationId().equals(stationId) && postalCode.startsWith(route.prefix()))
        .max(Comparator.comparingInt(route -> route.prefix().length()))
        .map(Route::route)
        .orElse(PARTNER_CARRIER);
  }
}
