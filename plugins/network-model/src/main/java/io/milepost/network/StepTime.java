package io.milepost.network;

import io.milepost.plugin.api.StepContext;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * The time a step happens at, taken from the job, never from the wall clock, so the same job always
 * decides the same way. The process supplies it as the {@code stepTime} variable (the models map
 * {@code =now()} into it) or a {@code stepTime} task header; ISO-8601 with an offset or zone, e.g.
 * {@code 2025-11-30T08:15:00-08:00} or {@code 2025-11-30T16:15:00Z}. A local date-time without offset
 * is read in the site's zone, and FEEL's {@code 2025-11-30T08:15:00@America/Los_Angeles} form is understood.
 */
public final class StepTime {

  public static final String NAME = "stepTime";

  private StepTime() {}

  /**
   * The step's time in the local zone of the site it runs at ({@link SiteTimeZones}, site data: the
   * handler lists {@link SiteTimeZones#DATA_SET} in its {@code dataSets()}).
   */
  public static ZonedDateTime atSite(StepContext context) {
    return of(context, SiteTimeZones.of(context));
  }

  /** The step's time in {@code siteZone}. */
  public static ZonedDateTime of(StepContext context, ZoneId siteZone) {
    Object value = context.variables().get(NAME);
    String text = value != null ? value.toString() : context.headers().get(NAME);
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("Expected the variable or header 'stepTime' (ISO-8601, e.g. "
          + "2025-11-30T08:15:00-08:00), but the job has neither");
    }
    try {
      if (text.contains("@")) {
        // FEEL writes a date-time with a region zone as 2025-11-30T08:15:00@America/Los_Angeles.
        String[] localAndZone = text.split("@", 2);
        return LocalDateTime.parse(localAndZone[0]).atZone(ZoneId.of(localAndZone[1])).withZoneSameInstant(siteZone);
      }
      return ZonedDateTime.parse(text).withZoneSameInstant(siteZone);
    } catch (java.time.DateTimeException withoutOffset) {
      try {
        return LocalDateTime.parse(text).atZone(siteZone);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("Expected 'stepTime' as ISO-8601 date-time, but found '" + text + "'", e);
      }
    }
  }

}
