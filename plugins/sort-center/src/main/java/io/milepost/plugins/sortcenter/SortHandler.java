package io.milepost.plugins.sortcenter;

import io.milepost.network.SiteTimeZones;
import io.milepost.network.OrderDestination;
import io.milepost.network.StepTime;
import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.StepContext;
import io.milepost.plugin.api.StepHandler;
import io.milepost.plugin.api.StepResult;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code fulfillment.sort} at a sort center: puts the parcel on the lane for its destination postal code
 * ({@link Lanes}) and on the first truck of that lane whose loading cut-off ({@value #CUT_OFF_MINUTES}
 * minutes before departure) it still makes, on that day's schedule: Sundays have merged lanes and
 * fewer departures. A parcel after the last cut-off rides the next day's first truck.
 *
 * <p>Reads {@code order.destinationPostalCode} and {@code stepTime} ({@link StepTime}); writes {@code
 * sort}: {@code {lane, sundaySchedule, truckId, truckDeparture, nextHopSiteId}}.
 */
@Extension
public final class SortHandler implements StepHandler {

  static final int CUT_OFF_MINUTES = 45;

  @Override
  public String jobType() {
    return "fulfillment.sort";
  }

  @Override
  public Set<BuildingType> buildingTypes() {
    return EnumSet.of(BuildingType.SORT_CENTER);
  }

  @Override
  public List<DataSet> dataSets() {
    return List.of(Lanes.DATA_SET, Departures.DATA_SET, SiteTimeZones.DATA_SET);
  }

  @Override
  public StepResult handle(StepContext context) {
    String postalCode = OrderDestination.of(context).destinationPostalCode();
    ZonedDateTime arrived = StepTime.atSite(context);
    Lanes.Lane lane = Lanes.of(context.site().id(), context.siteData(Lanes.DATA_SET)).laneFor(postalCode);
    Departures departures = Departures.of(context.siteData(Departures.DATA_SET));

    ZonedDateTime departure = nextDeparture(lane, departures, arrived);
    boolean sunday = departure.getDayOfWeek() == DayOfWeek.SUNDAY;
    String laneName = sunday ? lane.sundayLane() : lane.lane();

    Map<String, Object> sort = new LinkedHashMap<>();
    sort.put("lane", laneName);
    sort.put("sundaySchedule", sunday);
    sort.put("truckId", laneName + "-" + departure.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")));
    sort.put("truckDeparture", departure.toOffsetDateTime().toString());
    sort.put("nextHopSiteId", lane.nextHopSiteId());
    return StepResult.complete(Map.of("sort", sort))
        .withMeasure("minutesToTruckDeparture", Duration.between(arrived, departure).toMinutes());
  }

  private static ZonedDateTime nextDeparture(Lanes.Lane lane, Departures departures, ZonedDateTime arrived) {
    for (int dayOffset = 0; dayOffset <= 7; dayOffset++) {
      ZonedDateTime day = arrived.toLocalDate().plusDays(dayOffset).atStartOfDay(arrived.getZone());
      for (LocalTime time : departures.of(lane, day.getDayOfWeek())) {
        ZonedDateTime departure = day.with(time);
        if (!arrived.isAfter(departure.minus(Duration.ofMinutes(CUT_OFF_MINUTES)))) {
          return departure;
        }
      }
    }
    throw new IllegalStateException("Expected a departure within a week of " + arrived + " for lane " + lane.lane());
  }
}
