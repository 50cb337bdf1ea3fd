package io.milepost.host.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Dates go out as ISO-8601 date-times with offset, as the client parses them. */
public final class Dates {

  private Dates() {}

  public static String format(Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }
}
