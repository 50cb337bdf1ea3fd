package io.milepost.plugins.deliverystation;

import io.milepost.network.BundledCsv;
import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.DataSet.Column;
import io.milepost.plugin.api.DataSet.Type;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A station's delivery waves: a parcel sorted to its route before a wave's cut-off leaves with that wave;
 * after the last cut-off of the day it waits for the next day's first wave. Parcels for a partner
 * carrier leave with the carrier's pickup. Site data (data set {@value #NAME}:
 * wave,carrier,cutOff,departure with carrier {@code OWN} or {@code PARTNER}); the bundled copy ({@code
 * delivery-waves.csv}) is the same for every station.
 */
final class Waves {

  static final String NAME = "delivery-waves";
  static final DataSet DATA_SET = new DataSet(NAME,
      List.of(new Column("wave", Type.TEXT), new Column("carrier", Type.TEXT), new Column("cutOff", Type.TIME),
          new Column("departure", Type.TIME)),
      List.of("wave"), BundledCsv.sameForEverySite(Waves.class, "delivery-waves.csv"));

  /** A wave: parcels sorted by {@code cutOff} leave at {@code departure}. */
  record Wave(String name, boolean partner, LocalTime cutOff, LocalTime departure) {}

  /** The wave a parcel makes and the moment it leaves. */
  record Assignment(Wave wave, ZonedDateTime departure, boolean nextDay) {
    Map<String, Object> describe() {
      return Map.of("wave", wave.name(), "waveDeparture", departure.toOffsetDateTime().toString(),
          "deliveryDate", departure.toLocalDate().toString(), "nextDay", nextDay);
    }
  }

  private final List<Wave> waves;

  private Waves(List<Wave> waves) {
    this.waves = waves.stream().sorted(Comparator.comparing(Wave::cutOff)).toList();
  }

  /** The waves of a station, from the rows of its data set. */
  static Waves of(List<Map<String, String>> rows) {
    return new Waves(rows.stream().map(row -> new Wave(row.get("wave"), carrier(row), LocalTime.parse(row.get("cutOff")),
        LocalTime.parse(row.get("departure")))).toList());
  }

  Assignment waveFor(String route, ZonedDateTime sortedAt) {
    boolean partner = Routes.PARTNER_CARRIER.equals(route);
    List<Wave> candidates = waves.stream().filter(wave -> wave.partner() == partner).toList();
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("Expected a " + (partner ? "PARTNER" : "OWN") + " wave in data set " + NAME
          + ", but the station has none");
    }
    LocalTime time = sortedAt.toLocalTime();
    for (Wave wave : candidates) {
      if (!time.isAfter(wave.cutOff())) {
        return new Assignment(wave, sortedAt.with(wave.departure()).withSecond(0).withNano(0), false);
      }
    }
    Wave first = candidates.getFirst();
    return new Assignment(first, sortedAt.toLocalDate().plusDays(1).atTime(first.departure()).atZone(sortedAt.getZone()), true);
  }

  private static boolean carrier(Map<String, String> row) {
    return switch (row.get("carrier")) {
      case "OWN" -> false;
      case "PARTNER" -> true;
      default -> throw new IllegalArgumentException("Expected carrier OWN or PARTNER for wave " + row.get("wave")
          + " in data set " + NAME + ", but found '" + row.get("carrier") + "'");
    };
  }
}
