package io.milepost.host.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads a search filter as the 8.9 client sends it. A field is either a plain value
 * ({@code "processInstanceKey": "5"}) or an operator object ({@code {"$eq": "5", "$in": []}}); of the
 * operators only {@code $eq} (or {@code $in} with one value) is supported, except where a field is read
 * with {@link #anyOf} ({@code $in} with several values) or {@link #atLeast} ({@code $gte}, {@code $gt}).
 * The client also sends empty lists for filters it does not use ({@code "variables": []}); those are ignored. Any other field
 * with a value is refused rather than silently ignored, since ignoring it would return wrong matches.
 */
public final class SearchFilter {

  private final JsonNode filter;

  SearchFilter(JsonNode filter, List<String> supportedFields) {
    this.filter = filter == null || filter.isNull() ? null : filter;
    if (this.filter != null && !this.filter.isObject()) {
      throw ApiException.invalidArgument(
          "Expected 'filter' to be a JSON object, but found " + JsonDocuments.describe(this.filter));
    }
    refuseUnsupportedFields(supportedFields);
  }

  public String string(String field) {
    JsonNode value = value(field);
    if (value == null) {
      return null;
    }
    if (!value.isValueNode()) {
      throw ApiException.invalidArgument("Expected filter '" + field + "' to be a value, but found "
          + JsonDocuments.describe(value));
    }
    return value.asString();
  }

  public Long key(String field) {
    return Keys.parseOptional("filter." + field, string(field));
  }

  public Integer integer(String field) {
    String text = string(field);
    try {
      return text == null ? null : Integer.valueOf(text);
    } catch (NumberFormatException e) {
      throw ApiException.invalidArgument("Expected filter '" + field + "' to be an integer, but found '" + text + "'");
    }
  }

  public Boolean bool(String field) {
    String text = string(field);
    if (text == null) {
      return null;
    }
    if (!text.equals("true") && !text.equals("false")) {
      throw ApiException.invalidArgument("Expected filter '" + field + "' to be true or false, but found '" + text + "'");
    }
    return Boolean.valueOf(text);
  }

  public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
    String text = string(field);
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidArgument("Expected filter '" + field + "' to be one of "
          + List.of(type.getEnumConstants()) + ", but found '" + text + "'");
    }
  }

  /** Like {@link #enumValue} for values the API names differently from the engine. */
  public <T> T mapped(String field, Map<String, T> valuesByName) {
    String text = string(field);
    if (text == null) {
      return null;
    }
    T value = valuesByName.get(text);
    if (value == null) {
      throw ApiException.invalidArgument("Expected filter '" + field + "' to be one of "
          + valuesByName.keySet().stream().sorted().toList() + ", but found '" + text + "'");
    }
    return value;
  }

  /**
   * The values a field may take: one plain value, {@code $eq} or {@code $in} with any number of values; empty when
   * the filter does not name the field.
   */
  public List<String> anyOf(String field) {
    JsonNode node = filter == null ? null : filter.get(field);
    if (node == null || node.isNull() || isEmpty(node)) {
      return List.of();
    }
    if (!node.isObject() || !node.has("$in")) {
      return List.of(string(field));
    }
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, JsonNode> operator : node.properties()) {
      JsonNode operand = operator.getValue();
      switch (operator.getKey()) {
        case "$in" -> {
          if (!operand.isArray()) {
            throw ApiException.invalidArgument("Expected filter '" + field + ".$in' to be an array, but found "
                + JsonDocuments.describe(operand));
          }
          operand.forEach(value -> values.add(value.asString()));
        }
        case "$eq" -> {
          if (!isEmpty(operand)) {
            values.add(operand.asString());
          }
        }
        default -> {
          if (!isEmpty(operand)) {
            throw ApiException.invalidArgument("Expected filter '" + field + "' to use $eq or $in, but found "
                + operator.getKey());
          }
        }
      }
    }
    return values;
  }

  /**
   * The least value a numeric field may take: {@code {"$gte": n}} or {@code {"$gt": n}} (the client sends the other
   * operators empty); null when not named.
   */
  public Integer atLeast(String field) {
    JsonNode node = filter == null ? null : filter.get(field);
    if (node == null || node.isNull() || isEmpty(node)) {
      return null;
    }
    Integer least = null;
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> operator : node.properties()) {
        JsonNode operand = operator.getValue();
        if (isEmpty(operand)) {
          continue;
        }
        if (!operand.isInt() || !(operator.getKey().equals("$gte") || operator.getKey().equals("$gt")) || least != null) {
          least = null;
          break;
        }
        least = operator.getKey().equals("$gte") ? operand.asInt() : operand.asInt() + 1;
      }
    }
    if (least == null) {
      throw ApiException.invalidArgument("Expected filter '" + field + "' to be {\"$gte\": n} or {\"$gt\": n}, but found "
          + node);
    }
    return least;
  }

  private JsonNode value(String field) {
    if (filter == null) {
      return null;
    }
    JsonNode node = filter.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      return node;
    }
    JsonNode equal = null;
    for (Map.Entry<String, JsonNode> operator : node.properties()) {
      String name = operator.getKey();
      JsonNode operand = operator.getValue();
      if (name.equals("$eq")) {
        equal = operand;
      } else if (name.equals("$in") && operand.isArray() && operand.size() == 1) {
        equal = operand.get(0);
      } else if (!isEmpty(operand)) {
        throw ApiException.invalidArgument("Expected filter '" + field + "' to use $eq, but found " + name
            + " (only $eq, or $in with one value, is supported)");
      }
    }
    return equal;
  }

  private void refuseUnsupportedFields(List<String> supportedFields) {
    if (filter == null) {
      return;
    }
    List<String> refused = new ArrayList<>();
    for (Iterator<String> names = filter.propertyNames().iterator(); names.hasNext(); ) {
      String name = names.next();
      if (!supportedFields.contains(name) && !isEmpty(filter.get(name))) {
        refused.add(name);
      }
    }
    if (!refused.isEmpty()) {
      throw ApiException.invalidArgument("Expected filters on " + supportedFields + " only, but found "
          + refused + ", which this server cannot filter on");
    }
  }

  private static boolean isEmpty(JsonNode node) {
    return node == null || node.isNull() || (node.isContainer() && node.isEmpty())
        || (node.isObject() && allOperandsEmpty(node));
  }

  private static boolean allOperandsEmpty(JsonNode node) {
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      JsonNode operand = entry.getValue();
      if (!(operand.isNull() || operand.isContainer() && operand.isEmpty())) {
        return false;
      }
    }
    return true;
  }
}
