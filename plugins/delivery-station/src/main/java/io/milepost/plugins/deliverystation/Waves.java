package io.milepost.plugins.deliverystation;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * A station's delivery waves: a parcel sorted to its route before a wave's cut-off leaves with that wave;
 * after the last cut-off of the day it waits for the next day's first wave. Parcels for a partner
 * carrier leave with the carrier's one daily pickup.
 */
final class Waves {

  /** A wave: parcels sorted by {@code cutOff} leave at {@code departure}. */
  record Wave(String name, LocalTime cutOff, LocalTime departure) {}

  static final List<Wave> WAVES = List.of(
      new Wave("W1", LocalTime.of(7, 0), LocalTime.of(8, 30)),
      new Wave("W2", LocalTime.of(10, 30), LocalTime.of(11, 30)),
      new Wave("W3", LocalTime.of(13, 30), LocalTime.of(14, 30)));

  static final List<Wave> PARTNER_PICKUP = List.of(new Wave("PARTNER", LocalTime.of(15, 0), LocalTime.of(16, 0)));

  /** The wave a parcel makes and the moment it leaves. */
  record Assignment(Wave wave, ZonedDateTime departure, boolean nextDay) {
    Map<String, Object> describe() {
      return Map.of("wave", wave.name(), "waveDeparture", departure.toOffsetDateTime().toString(),
          "deliveryDate", departure.toLocalDate().toString(), "nextDay", nextDay);
    }
  }

  private Waves() {}

  static Assignment waveFor(String route, ZonedDateTime sortedAt) {
    List<Wave> waves = Routes.PARTNER_CARRIER.equals(route) ? PARTNER_PICKUP : WAVES;
    LocalTime time = sortedAt.toLocalTime();
    for (Wave wave : waves) {
      if (!time.isAfter(wave.cutOff())) {
        return new Assignment(wave, sortedAt.with(wave.departure()).withSecond(0).withNano(0), false);
      }
    }
    Wave first = waves.getFirst();
    return new Assignment(first, sortedAt.toLocalDate().plusDays(1).atTime(first.departure()).atZone(sortedAt.getZone()), true);
  }
}
