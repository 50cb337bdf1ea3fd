package io.milepost.plugins.deliverystation;

import io.milepost.network.BundledCsv;
import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.DataSet.Column;
import io.milepost.plugin.api.DataSet.Type;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The delivery routes of a station by postal code; the longest matching prefix wins. A destination
 * outside the station's area goes to a partner carrier. Site data (data set {@value #NAME}: prefix,route);
 * the bundled copy is the station's rows of {@code delivery-routes.csv}.
 */
final class Routes {

  static final String NAME = "delivery-routes";
  static final String PARTNER_CARRIER = "PARTNER-CARRIER";
  static final DataSet DATA_SET = new DataSet(NAME, List.of(new Column("prefix", Type.TEXT), new Column("route", Type.TEXT)),
      List.of("prefix"), BundledCsv.rowsOfSite(Routes.class, "delivery-routes.csv"));

  /** Destinations starting with {@code prefix} are on {@code route}. */
  record Route(String prefix, String route) {}

  private final List<Route> routes;

  private Routes(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  /** The routes of a station, from the rows of its data set. */
  static Routes of(List<Map<String, String>> rows) {
    return new Routes(rows.stream().map(row -> new Route(row.get("prefix"), row.get("route"))).toList());
  }

  String routeFor(String postalCode) {
    return routes.stream()
        .filter(route -> postalCode.startsWith(route.prefix()))
        .max(Comparator.comparingInt(route -> route.prefix().length()))
        .map(Route::route)
        .orElse(PARTNER_CARRIER);
  }
}
