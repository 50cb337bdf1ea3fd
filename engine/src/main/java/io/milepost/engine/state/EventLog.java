package io.milepost.engine.state;

import java.util.ArrayList;
import java.util.List;

/**
 * The append-only event log of one transaction: events are collected while a command is processed
 * and written in one batch just before the commit.
 */
public final class EventLog {

  /** One event before it has a position. */
  public record Entry(long key, String valueType, String intent, long processInstanceKey, String elementId,
      String elementType, long timestamp, String payloadJson) {}

  private final List<Entry> pending = new ArrayList<>();

  public void append(Entry entry) {
    pending.add(entry);
  }

  public List<Entry> pending() {
    return List.copyOf(pending);
  }

  public void flush(Sql sql) {
    List<Object[]> rows = new ArrayList<>(pending.size());
    for (Entry e : pending) {
      rows.add(new Object[] {e.key(), e.valueType(), e.intent(), e.processInstanceKey(), e.elementId(),
          e.elementType(), e.timestamp(), e.payloadJson()});
    }
    sql.batch("INSERT INTO event_log (record_key, value_type, intent, process_instance_key, element_id, "
        + "element_type, created_at, payload_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
    pending.clear();
  }
}
