package io.milepost.engine.state;

import java.util.ArrayList;
import java.util.List;

/**
 * The events that share an event log row with the row's own event, as one text column: a command writes one row
 * per run of events of the same process instance instead of one row per event, because a row costs the store far
 * more than its bytes. Each event is {@code key,createdAt,} then its value type, intent, element id, element type
 * and payload, each as {@code length:characters} or {@code -} when absent. Lengths count Java characters, so any
 * text (a payload's quotes, commas, colons) reads back exactly.
 *
 * <p>A row's events take consecutive positions: the row's own event {@code rowPosition * POSITIONS_PER_ROW}, the
 * packed ones the next ones, so a row written before packing (one event) keeps its order among the others.
 */
public final class PackedEvents {

  /** Positions each event log row spans: a row holds at most this many events. */
  public static final int POSITIONS_PER_ROW = 256;

  private static final char NONE = '-';

  private PackedEvents() {}

  /** The position of the event at {@code index} (0: the row's own event) in the row at {@code rowPosition}. */
  public static long position(long rowPosition, int index) {
    return rowPosition * POSITIONS_PER_ROW + index;
  }

  /** The position of the row that holds the event at {@code position}. */
  public static long rowPosition(long position) {
    return Math.floorDiv(position, POSITIONS_PER_ROW);
  }

  static String encode(List<EventLog.Entry> events) {
    StringBuilder text = new StringBuilder(events.size() * 96);
    for (EventLog.Entry event : events) {
      text.append(event.key()).append(',').append(event.timestamp()).append(',');
      field(text, event.valueType());
      field(text, event.intent());
      field(text, event.elementId());
      field(text, event.elementType());
      field(text, event.payloadJson());
    }
    return text.toString();
  }

  private static void field(StringBuilder text, String value) {
    if (value == null) {
      text.append(NONE);
    } else {
      text.append(value.length()).append(':').append(value);
    }
  }

  /** The events of a row's packed column, all of the row's process instance; none when the column is null. */
  public static List<EventLog.Entry> decode(String text, long processInstanceKey) {
    List<EventLog.Entry> events = new ArrayList<>();
    if (text == null) {
      return events;
    }
    Reader reader = new Reader(text);
    while (reader.hasMore()) {
      long key = reader.number();
      long timestamp = reader.number();
      events.add(new EventLog.Entry(key, reader.field(), reader.field(), processInstanceKey, reader.field(),
          reader.field(), timestamp, reader.field()));
    }
    return events;
  }

  /** Reads the format back; a text it cannot read is a damaged row, reported with where it broke. */
  private static final class Reader {

    private final String text;
    private int at;

    Reader(String text) {
      this.text = text;
    }

    boolean hasMore() {
      return at < text.length();
    }

    long number() {
      int end = text.indexOf(',', at);
      if (end < 0) {
        throw damaged("a number ended by ','");
      }
      try {
        long value = Long.parseLong(text, at, end, 10);
        at = end + 1;
        return value;
      } catch (NumberFormatException e) {
        throw damaged("a number");
      }
    }

    String field() {
      if (at < text.length() && text.charAt(at) == NONE) {
        at++;
        return null;
      }
      int colon = text.indexOf(':', at);
      if (colon < 0) {
        throw damaged("'-' or a length ended by ':'");
      }
      int length;
      try {
        length = Integer.parseInt(text, at, colon, 10);
      } catch (NumberFormatException e) {
        throw damaged("a length");
      }
      int end = colon + 1 + length;
      if (length < 0 || end > text.length()) {
        throw damaged("a field of " + length + " characters");
      }
      at = end;
      return text.substring(colon + 1, end);
    }

    private IllegalStateException damaged(String expected) {
      return new IllegalStateException("Expected " + expected + " at character " + at + " of a packed event log row, "
          + "but found: " + text.substring(at, Math.min(text.length(), at + 40)));
    }
  }
}
