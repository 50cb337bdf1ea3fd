package io.milepost.plugins.sortcenter;

import io.milepost.network.BundledCsv;
import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.DataSet.Column;
import io.milepost.plugin.api.DataSet.Type;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When a sort center's trucks leave, in site-local time. Site data (data set {@value #NAME}:
 * schedule,departure with schedule {@code WEEKDAY}, {@code SUNDAY} or {@code LINEHAUL}); the bundled copy
 * ({@code truck-departures.csv}) is the same for every sort center.
 */
final class Departures {

  static final String NAME = "truck-departures";
  static final DataSet DATA_SET = new DataSet(NAME,
      List.of(new Column("schedule", Type.TEXT), new Column("departure", Type.TIME)), List.of("schedule", "departure"),
      BundledCsv.sameForEverySite(Departures.class, "truck-departures.csv"));

  /** The schedules a departure belongs to. */
  enum Schedule { WEEKDAY, SUNDAY, LINEHAUL }

  private final Map<Schedule, List<LocalTime>> bySchedule;

  private Departures(Map<Schedule, List<LocalTime>> bySchedule) {
    this.bySchedule = Map.copyOf(bySchedule);
  }

  /** The departures of a site, from the rows of its data set. */
  static Departures of(List<Map<String, String>> rows) {
    Map<Schedule, List<LocalTime>> times = new EnumMap<>(Schedule.class);
    for (Schedule schedule : Schedule.values()) {
      times.put(schedule, rows.stream().filter(row -> schedule(row).equals(schedule))
          .map(row -> LocalTime.parse(row.get("departure"))).sorted().toList());
    }
    return new Departures(times);
  }

  /** The departures of a lane on a day, earliest first. */
  List<LocalTime> of(Lanes.Lane lane, DayOfWeek day) {
    Schedule schedule = lane.linehaul() ? Schedule.LINEHAUL : day == DayOfWeek.SUNDAY ? Schedule.SUNDAY : Schedule.WEEKDAY;
    return bySchedule.get(schedule);
  }

  private static Schedule schedule(Map<String, String> row) {
    try {
      return Schedule.valueOf(row.get("schedule"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Expected a schedule of " + List.of(Schedule.values()) + " in data set " + NAME
          + ", but found '" + row.get("schedule") + "'", e);
    }
  }
}
