package io.milepost.plugins.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDmn;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The network's decision tables in {@code bpmn/*.dmn}, evaluated with dmn-scala (the DMN engine Camunda 8 and
 * Milepost's engine use), so the journey tests get what the business rule tasks of the models would decide.
 */
final class NetworkDecisions {

  private static final DmnEngine DMN = new DmnEngine.Builder().build();

  private NetworkDecisions() {}

  /** The result of {@code decisionId} in {@code bpmn/<file>}: a plain value, or a map for several outputs. */
  static Object evaluate(String file, String decisionId, Map<String, Object> variables) {
    ParsedDmn parsed;
    try (InputStream in = Files.newInputStream(ProcessModelsTest.BPMN.resolve(file))) {
      var result = DMN.parse(in);
      if (result.isLeft()) {
        throw new IllegalStateException("Expected " + file + " to parse, but: " + result.swap().toOption().get().message());
      }
      parsed = result.toOption().get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var evaluated = DMN.eval(parsed, decisionId, variables);
    if (evaluated.isLeft()) {
      throw new IllegalStateException("Expected " + decisionId + " to evaluate, but: "
          + evaluated.swap().toOption().get().failure().message());
    }
    return plain(evaluated.toOption().get().value());
  }

  private static Object plain(Object value) {
    if (value instanceof scala.collection.Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      CollectionConverters.asJava(map).forEach((key, entry) -> out.put(String.valueOf(key), plain(entry)));
      return out;
    }
    if (value instanceof scala.math.BigDecimal number) {
      return number.doubleValue();
    }
    if (value instanceof java.math.BigDecimal number) {
      return number.doubleValue();
    }
    return value;
  }
}
