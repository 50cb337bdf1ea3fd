package io.milepost.plugins.sortcenter;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;

/**
 * The lanes of each sort center: which postal code prefixes go to which lane, and when its trucks leave.
 *
 * <p>The longest matching prefix wins; the empty prefix catches everything else (linehaul to the other
 * region). On Sundays the center runs a smaller crew: neighbouring city lanes merge into one and trucks
 * leave twice a day instead of three times.
 */
final class Lanes {

  /** A lane for destinations starting with {@code prefix}; {@code sundayLane} is the lane it merges into on Sunday. */
  record Lane(String siteId, String prefix, String lane, String sundayLane, String nextHopSiteId, boolean linehaul) {}

  static final List<LocalTime> WEEKDAY_DEPARTURES = List.of(LocalTime.of(5, 0), LocalTime.of(13, 0), LocalTime.of(21, 0));
  static final List<LocalTime> SUNDAY_DEPARTURES = List.of(LocalTime.of(9, 0), LocalTime.of(21, 0));
  static final List<LocalTime> LINEHAUL_DEPARTURES = List.of(LocalTime.of(20, 0));

  static final List<Lane> LANES = List.of(
      new Lane("sc-west-1", "945", "EAST-BAY", "BAY-AREA", "ds-west-1", false),
      new Lane("sc-west-1", "946", "EAST-BAY", "BAY-AREA", "ds-west-1", false),
      new Lane("sc-west-1", "940", "SF-PENINSULA", "BAY-AREA", "ds-west-1", false),
      new Lane("sc-west-1", "941", "SF-PENINSULA", "BAY-AREA", "ds-west-1", false),
      new Lane("sc-west-1", "95", "SAC-VALLEY", "SAC-VALLEY", "ds-west-1", false),
      new Lane("sc-west-1", "9", "WEST-REGIONAL", "WEST-REGIONAL", "ds-west-1", false),
      new Lane("sc-west-1", "", "LINEHAUL-EAST", "LINEHAUL-EAST", "sc-east-1", true),
      new Lane("sc-east-1", "112", "BROOKLYN", "NYC-METRO", "ds-east-1", false),
      new Lane("sc-east-1", "10", "MANHATTAN", "NYC-METRO", "ds-east-1", false),
      new Lane("sc-east-1", "07", "NEW-JERSEY", "NEW-JERSEY", "ds-east-1", false),
      new Lane("sc-east-1", "08", "NEW-JERSEY", "NEW-JERSEY", "ds-east-1", false),
      new Lane("sc-east-1", "0", "NORTHEAST", "NORTHEAST", "ds-east-1", false),
      new Lane("sc-east-1", "1", "NORTHEAST", "NORTHEAST", "ds-east-1", false),
      new Lane("sc-east-1", "", "LINEHAUL-WEST", "LINEHAUL-WEST", "sc-west-1", true));

  private Lanes() {}

  static Lane laneFor(String siteId, String postalCode) {
    return LANES.stream()
        .filter(lane -> lane.siteId().equals(siteId) && postalCode.startsWith(lane.prefix()))
        .max(Comparator.comparingInt(lane -> lane.prefix().length()))
        .orElseThrow(() -> new IllegalArgumentException("Expected a sort center with lanes (sc-west-1, sc-east-1), but found " + siteId));
  }

  static List<LocalTime> departures(Lane lane, DayOfWeek day) {
    if (lane.linehaul()) {
      return LINEHAUL_DEPARTURES;
    }
    return day == DayOfWeek.SUNDAY ? SUNDAY_DEPARTURES : WEEKDAY_DEPARTURES;
  }
}
