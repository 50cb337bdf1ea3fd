package io.milepost.host.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads a search filter as the 8.9 client sends it. A field is either a plain value
 * ({@code "processInstanceKey": "5"}) or an operator object ({@code {"$eq": "5", "$in": []}}); of the
 * operators only {@code $eq} (or {@code $in} with one value) is supported. The client also sends empty
 * lists for filters it does not use ({@code "variables": []}); those are ignored. Any other field
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
