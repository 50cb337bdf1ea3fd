package io.milepost.engine.state;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Writes the events of the running command to the log, with the command's timestamp. */
public final class Events {

  private final EventLog log;
  private final JsonMapper json;
  private final long now;

  Events(EventLog log, JsonMapper json, long now) {
    this.log = log;
    this.json = json;
    this.now = now;
  }

  public long now() {
    return now;
  }

  void element(ElementInstance instance, String intent) {
    log.append(new EventLog.Entry(instance.key(), "PROCESS_INSTANCE", intent, instance.processInstanceKey(),
        instance.elementId(), instance.elementType().name(), now,
        instance.flowScopeKey() == null ? null : "{\"flowScopeKey\":" + instance.flowScopeKey() + "}"));
  }

  void record(String valueType, String intent, long key, long processInstanceKey, String elementId, Map<String, ?> payload) {
    log.append(new EventLog.Entry(key, valueType, intent, processInstanceKey, elementId, null, now,
        payload == null || payload.isEmpty() ? null : json.writeValueAsString(payload)));
  }

  /** An event of no process instance: a deployment, a message, a signal. */
  void recordOfNoInstance(String valueType, String intent, long key, String elementId, Map<String, ?> payload) {
    record(valueType, intent, key, EventLog.NO_INSTANCE, elementId, payload);
  }

  /** An event of the instance, or of no instance when the key is null (a start event's timer, a decision). */
  void recordOfInstanceOrNone(String valueType, String intent, long key, Long processInstanceKey, String elementId,
      Map<String, ?> payload) {
    record(valueType, intent, key, processInstanceKey == null ? EventLog.NO_INSTANCE : processInstanceKey, elementId,
        payload);
  }

  static Map<String, Object> payload(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) {
        map.put((String) keyValues[i], keyValues[i + 1]);
      }
    }
    return map;
  }
}
