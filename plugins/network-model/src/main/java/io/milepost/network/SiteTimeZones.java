package io.milepost.network;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * The local time zone of each site, as data ({@code site-time-zones.csv}: siteId,timeZone), so a site in
 * a new time zone is a new row, not a new branch in code.
 */
public final class SiteTimeZones {

  private static final Map<String, ZoneId> ZONES = load();

  private SiteTimeZones() {}

  /** The zone the site keeps its local time in. */
  public static ZoneId of(String siteId) {
    ZoneId zone = ZONES.get(siteId);
    if (zone == null) {
      throw new IllegalArgumentException("Expected a site with a time zone in site-time-zones.csv, but found '"
          + siteId + "'; known are " + ZONES.keySet().stream().sorted().toList());
    }
    return zone;
  }

  private static Map<String, ZoneId> load() {
    Map<String, ZoneId> zones = new HashMap<>();
    for (String[] row : Csv.rows(SiteTimeZones.class, "site-time-zones.csv")) {
      try {
        zones.put(row[0], ZoneId.of(row[1]));
      } catch (DateTimeException e) {
        throw new IllegalStateException("Expected a time zone id for site " + row[0] + ", but found '" + row[1] + "'", e);
      }
    }
    return Map.copyOf(zones);
  }
}
