package io.milepost.network;

import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.DataSet.Column;
import io.milepost.plugin.api.DataSet.Type;
import io.milepost.plugin.api.StepContext;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The local time zone of a site, as site data (data set {@value #NAME}, one row: timeZone), so a site in
 * a new time zone is a data change, not a new branch in code. The bundled copy is the site's row of
 * {@code site-time-zones.csv} (siteId,timeZone). A handler that reads it lists {@link #DATA_SET} in its
 * {@code dataSets()}.
 */
public final class SiteTimeZones {

  public static final String NAME = "time-zone";
  public static final DataSet DATA_SET = new DataSet(NAME, List.of(new Column("timeZone", Type.TIME_ZONE)),
      List.of("timeZone"), BundledCsv.rowsOfSite(SiteTimeZones.class, "site-time-zones.csv"), true);

  private SiteTimeZones() {}

  /** The zone the job's site keeps its local time in. */
  public static ZoneId of(StepContext context) {
    List<Map<String, String>> rows = context.siteData(DATA_SET);
    if (rows.isEmpty()) {
      String siteId = context.site().id();
      throw new IllegalArgumentException("Expected site " + siteId + " to have a time zone (data set " + NAME
          + ": PUT /api/sites/" + siteId + "/data/" + NAME + "), but it has none");
    }
    return ZoneId.of(rows.getFirst().get("timeZone"));
  }
}
