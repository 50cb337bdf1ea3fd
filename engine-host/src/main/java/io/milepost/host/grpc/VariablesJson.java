package io.milepost.host.grpc;

import io.grpc.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Variables, headers and results travel as JSON strings in gateway.proto. This reads a document
 * into the map the engine takes (refusing anything but an object, saying what it found) and writes
 * maps back.
 */
@Component
final class VariablesJson {

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private final JsonMapper json;

  VariablesJson(JsonMapper json) {
    this.json = json;
  }

  /** The document as a map; an empty string (proto3's "not set") is an empty document. */
  Map<String, Object> read(String field, String document) {
    if (document == null || document.isBlank()) {
      return Map.of();
    }
    JsonNode node;
    try {
      node = json.readTree(document);
    } catch (JacksonException e) {
      throw Status.INVALID_ARGUMENT.withDescription("Expected '" + field + "' to be a JSON document, but could not "
          + "parse it: " + firstLine(e.getOriginalMessage()) + ": " + abbreviate(document)).asRuntimeException();
    }
    if (node.isNull() || node.isMissingNode()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw Status.INVALID_ARGUMENT.withDescription("Expected '" + field + "' to be a JSON object, but found "
          + node.getNodeType().name().toLowerCase() + ": " + abbreviate(document)).asRuntimeException();
    }
    return json.convertValue(node, MAP);
  }

  String write(Map<String, ?> values) {
    return json.writeValueAsString(values == null ? Map.of() : values);
  }

  /** Any value (a decision's output or input) as JSON text. */
  String writeValue(Object value) {
    return json.writeValueAsString(value);
  }

  private static String abbreviate(String text) {
    return text.length() <= 100 ? text : text.substring(0, 100) + "...";
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "no details";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
