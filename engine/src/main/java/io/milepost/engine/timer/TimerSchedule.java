package io.milepost.engine.timer;

import io.milepost.engine.expression.ExpressionException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * When a timer fires: a duration ({@code PT4H}, {@code P1D}), a date ({@code 2026-11-27T08:00:00Z}) or
 * a cycle ({@code R3/PT10S}, {@code R/PT1H}: -1 repetitions means forever), from ISO 8601 text or FEEL values.
 */
public record TimerSchedule(long firstDueAt, int repetitions, Long intervalMillis) {

  public static TimerSchedule duration(Object value, long now) {
    return new TimerSchedule(now + millis(value), 0, null);
  }

  public static TimerSchedule date(Object value) {
    if (value instanceof TemporalAccessor temporal && !(value instanceof Duration)) {
      return new TimerSchedule(Instant.from(temporal).toEpochMilli(), 0, null);
    }
    String text = String.valueOf(value).trim();
    try {
      return new TimerSchedule(OffsetDateTime.parse(text).toInstant().toEpochMilli(), 0, null);
    } catch (DateTimeParseException e) {
      try {
        return new TimerSchedule(ZonedDateTime.parse(text).toInstant().toEpochMilli(), 0, null);
      } catch (DateTimeParseException again) {
        throw new ExpressionException("Expected a timer date in ISO 8601 with an offset (e.g. 2026-11-27T08:00:00Z), "
            + "but found '" + text + "'");
      }
    }
  }

  public static TimerSchedule cycle(Object value, long now) {
    String text = String.valueOf(value).trim();
    if (!text.startsWith("R")) {
      throw new ExpressionException("Expected a timer cycle like R3/PT10S or R/PT1H, but found '" + text + "'");
    }
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new ExpressionException("Expected a timer cycle like R3/PT10S or R/PT1H, but found '" + text + "'");
    }
    String count = text.substring(1, slash);
    int repetitions;
    try {
      repetitions = count.isEmpty() ? -1 : Integer.parseInt(count);
    } catch (NumberFormatException e) {
      throw new ExpressionException("Expected the repetitions of timer cycle '" + text + "' to be a number, but found '" + count + "'");
    }
    long interval = millis(text.substring(slash + 1));
    return new TimerSchedule(now + interval, repetitions, interval);
  }

  static long millis(Object value) {
    if (value instanceof Duration d) {
      return d.toMillis();
    }
    if (value instanceof Period p) {
      return ZonedDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC).plus(p).toInstant().toEpochMilli();
    }
    String text = String.valueOf(value).trim();
    try {
      int t = text.indexOf('T');
      if (text.startsWith("P") && (t < 0 || t > 1 && text.substring(1, t).matches("\\d+[YMWD].*"))) {
        Period period = Period.parse(t < 0 ? text : text.substring(0, t));
        long periodMillis = millis(period);
        return t < 0 ? periodMillis : periodMillis + Duration.parse("P" + text.substring(t)).toMillis();
      }
      return Duration.parse(text).toMillis();
    } catch (DateTimeParseException e) {
      throw new ExpressionException("Expected a timer duration in ISO 8601 (e.g. PT4H or P1D), but found '" + text + "'");
    }
  }
}
