package io.milepost.host.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the free-form JSON parts of requests (variables documents) and writes variable values.
 * Request records keep such parts as {@link JsonNode} so a wrong shape gets a clear 400 that says
 * what was expected and what was found, instead of a generic "cannot deserialize".
 */
@Component
public final class JsonDocuments {

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private final JsonMapper json;

  public JsonDocuments(JsonMapper json) {
    this.json = json;
  }

  /** The document as a map; a missing or null document is an empty one. */
  public Map<String, Object> object(String field, JsonNode document) {
    if (document == null || document.isNull() || document.isMissingNode()) {
      return Map.of();
    }
    if (!document.isObject()) {
      throw ApiException.invalidArgument("Expected '" + field + "' to be a JSON object, but found "
          + describe(document) + ": " + abbreviate(document.toString()));
    }
    return json.convertValue(document, MAP);
  }

  public String write(Object value) {
    return json.writeValueAsString(value);
  }

  static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case OBJECT, POJO -> "an object";
      default -> node.getNodeType().name().toLowerCase();
    };
  }

  private static String abbreviate(String text) {
    return text.length() <= 100 ? text : text.substring(0, 100) + "...";
  }
}
