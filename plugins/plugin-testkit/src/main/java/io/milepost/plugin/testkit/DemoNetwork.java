package io.milepost.plugin.testkit;

import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.Site;
import java.util.List;

/** The demo network's sites, exactly as the host's configuration declares them. */
public final class DemoNetwork {

  public static final Site RC_WEST_1 = new Site("rc-west-1", "Reno Receive Center", BuildingType.RECEIVE_CENTER, "west");
  public static final Site FC_WEST_1 = new Site("fc-west-1", "Tracy Sortable FC", BuildingType.SORTABLE_FC, "west");
  public static final Site NFC_WEST_1 = new Site("nfc-west-1", "Stockton Bulky FC", BuildingType.NON_SORTABLE_FC, "west");
  public static final Site SC_WEST_1 = new Site("sc-west-1", "Sacramento Sort Center", BuildingType.SORT_CENTER, "west");
  public static final Site DS_WEST_1 = new Site("ds-west-1", "Oakland Delivery Station", BuildingType.DELIVERY_STATION, "west");
  public static final Site SP_WEST_1 = new Site("sp-west-1", "Fresno Specialty", BuildingType.SPECIALTY, "west");
  public static final Site RC_EAST_1 = new Site("rc-east-1", "Allentown Receive Center", BuildingType.RECEIVE_CENTER, "east");
  public static final Site FC_EAST_1 = new Site("fc-east-1", "Robbinsville Sortable FC", BuildingType.SORTABLE_FC, "east");
  public static final Site NFC_EAST_1 = new Site("nfc-east-1", "Carlisle Bulky FC", BuildingType.NON_SORTABLE_FC, "east");
  public static final Site SC_EAST_1 = new Site("sc-east-1", "Edison Sort Center", BuildingType.SORT_CENTER, "east");
  public static final Site DS_EAST_1 = new Site("ds-east-1", "Brooklyn Delivery Station", BuildingType.DELIVERY_STATION, "east");

  public static final List<Site> SITES = List.of(
      RC_WEST_1, FC_WEST_1, NFC_WEST_1, SC_WEST_1, DS_WEST_1, SP_WEST_1,
      RC_EAST_1, FC_EAST_1, NFC_EAST_1, SC_EAST_1, DS_EAST_1);

  private DemoNetwork() {}

  /** The site with this id. */
  public static Site site(String id) {
    return SITES.stream()
        .filter(site -> site.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Expected a demo network site id, but found '" + id + "'"));
  }
}
