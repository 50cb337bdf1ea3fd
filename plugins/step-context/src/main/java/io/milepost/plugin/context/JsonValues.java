package io.milepost.plugin.context;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Job variables in the one shape a plugin sees them, whichever way the job came: the values a JSON parser
 * reads from the variables' JSON. The engine in process holds whole numbers as {@code Long}, the Camunda
 * client hands {@code Integer}, a test hands records; a plugin gets {@code Integer} for a whole number that
 * fits (else {@code Long}, else {@code BigInteger}), {@code Double} for any other number, {@code String},
 * {@code Boolean}, {@code null}, {@code List} and {@code Map} with string keys, and nothing else. Dates,
 * times and durations (FEEL's temporal values) are their ISO text, as the engine stores them.
 */
public final class JsonValues {

  /** Maps variables onto a plugin's types; variables the type does not declare are ignored. */
  static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT = new TypeReference<>() {};
  private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

  private JsonValues() {}

  /** A read-only copy of the variables as plain JSON values (null values kept). */
  public static Map<String, Object> plain(Map<String, ?> variables) {
    if (variables == null) {
      return Map.of();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    variables.forEach((name, value) -> copy.put(name, plainValue(value)));
    return Collections.unmodifiableMap(copy);
  }

  /** The variables of a JSON object text, e.g. {@code {"order": {...}}}. */
  public static Map<String, Object> parseObject(String json) {
    try {
      return MAPPER.readValue(json, JSON_OBJECT);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("Expected a JSON object of variables, but: " + e.getOriginalMessage(), e);
    }
  }

  private static Object plainValue(Object value) {
    return switch (value) {
      case null -> null;
      case String text -> text;
      case Boolean flag -> flag;
      case Integer number -> number;
      case Long number -> wholeNumber(BigInteger.valueOf(number));
      case Short number -> number.intValue();
      case Byte number -> number.intValue();
      case BigInteger number -> wholeNumber(number);
      case Double number -> number;
      case Float number -> number.doubleValue();
      case BigDecimal number -> number.doubleValue();
      case Map<?, ?> map -> {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, entry) -> copy.put(String.valueOf(key), plainValue(entry)));
        yield copy;
      }
      case Iterable<?> list -> {
        List<Object> copy = new ArrayList<>();
        list.forEach(entry -> copy.add(plainValue(entry)));
        yield copy;
      }
      // As the engine stores them, so a job brought in process reads as one brought over the API.
      case TemporalAccessor time -> time.toString();
      case TemporalAmount amount -> amount.toString();
      // Records and anything else: what their JSON reads back as.
      default -> MAPPER.readValue(MAPPER.writeValueAsString(value), Object.class);
    };
  }

  private static Object wholeNumber(BigInteger number) {
    if (number.bitLength() < 32) {
      return number.intValue();
    }
    return number.compareTo(MIN_LONG) >= 0 && number.compareTo(MAX_LONG) <= 0 ? (Object) number.longValue() : number;
  }
}
