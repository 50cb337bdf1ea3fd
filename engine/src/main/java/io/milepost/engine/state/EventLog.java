package io.milepost.engine.state;

import java.util.ArrayList;
import java.util.List;

/**
 * The append-only event log of one transaction: events are collected while a command is processed
 * and written in one batch just before the commit. A run of events of the same process instance shares one row
 * (the first event in the row's columns, the others in {@link PackedEvents}): most commands touch one instance, and
 * one row per command instead of one per event is what the log costs the writer.
 */
public final class EventLog {

  /** One event before it has a position. */
  public record Entry(long key, String valueType, String intent, long processInstanceKey, String elementId,
      String elementType, long timestamp, String payloadJson) {}

  /**
   * A longer payload starts a row of its own, in the row's unbounded payload column, so that a packed column stays
   * within the store's bounded text (1,000,000 characters on H2) however many events share it.
   */
  public static final int MAX_PACKED_PAYLOAD = 2_048;

  /**
   * The process instance key of events that belong to no instance (deployments, messages, signals, decisions
   * evaluated through the API); the API shows it as the event's process instance key, as Camunda does.
   */
  public static final long NO_INSTANCE = -1;

  private final List<Entry> pending = new ArrayList<>();

  public void append(Entry entry) {
    pending.add(entry);
  }

  public void flush(Sql sql) {
    List<Object[]> rows = new ArrayList<>();
    int first = 0;
    while (first < pending.size()) {
      int end = first + 1;
      while (end < pending.size() && end - first < PackedEvents.POSITIONS_PER_ROW
          && sharesRow(pending.get(first), pending.get(end))) {
        end++;
      }
      Entry e = pending.get(first);
      String packed = end - first > 1 ? PackedEvents.encode(pending.subList(first + 1, end)) : null;
      rows.add(new Object[] {e.key(), e.valueType(), e.intent(), e.processInstanceKey(), e.elementId(),
          e.elementType(), e.timestamp(), e.payloadJson(), packed});
      first = end;
    }
    sql.batch("INSERT INTO event_log (record_key, value_type, intent, process_instance_key, element_id, "
        + "element_type, created_at, payload_json, packed_events) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    pending.clear();
  }

  /**
   * Events of no instance keep a row each: history retention deletes them one by one (and keeps deployments).
   */
  private static boolean sharesRow(Entry first, Entry next) {
    return first.processInstanceKey() != NO_INSTANCE
        && next.processInstanceKey() == first.processInstanceKey()
        && (next.payloadJson() == null || next.payloadJson().length() <= MAX_PACKED_PAYLOAD);
  }
}
