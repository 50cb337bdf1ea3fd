package io.milepost.engine.processing;

import java.time.Duration;
import java.time.Period;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Variable values to and from the JSON text the store keeps; FEEL temporal values become ISO strings. */
public final class VariableCodec {

  private final JsonMapper json;

  public VariableCodec(JsonMapper json) {
    this.json = json;
  }

  public String toJson(Object value) {
    return json.writeValueAsString(plain(value));
  }

  public Object fromJson(String text) {
    return text == null ? null : json.readValue(text, Object.class);
  }

  /** Only JSON-shaped values: maps, lists, strings, numbers, booleans, null. */
  static Object plain(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
      return copy;
    }
    if (value instanceof Collection<?> list) {
      var copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(plain(v)));
      return copy;
    }
    if (value instanceof Duration || value instanceof Period || value instanceof TemporalAccessor) {
      return value.toString();
    }
    return value;
  }
}
