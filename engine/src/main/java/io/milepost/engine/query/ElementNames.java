package io.milepost.engine.query;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The names the deployed models give their elements. Names are not stored per element instance (they never change
 * for a definition), so they are read from the definition's XML once and kept; a definition's XML never changes.
 * The XML passed the deployment's checks (no DOCTYPE), so it is safe to parse again.
 */
final class ElementNames {

  private final Jdbc jdbc;
  private final Map<Long, Map<String, String>> byDefinition = new ConcurrentHashMap<>();

  ElementNames(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  String name(long processDefinitionKey, String elementId) {
    return of(processDefinitionKey).get(elementId);
  }

  /** The ids of the elements named {@code name} in the given definitions, per definition key (only non-empty sets). */
  Map<Long, Set<String>> elementIdsNamed(String name, List<Long> processDefinitionKeys) {
    Map<Long, Set<String>> found = new HashMap<>();
    for (long key : processDefinitionKeys) {
      Set<String> ids = of(key).entrySet().stream().filter(entry -> name.equals(entry.getValue()))
          .map(Map.Entry::getKey).collect(Collectors.toSet());
      if (!ids.isEmpty()) {
        found.put(key, ids);
      }
    }
    return found;
  }

  private Map<String, String> of(long processDefinitionKey) {
    return byDefinition.computeIfAbsent(processDefinitionKey, key -> jdbc.single(
        "SELECT bpmn_xml FROM process_definition WHERE process_definition_key = ?", List.of(key),
        row -> row.getString(1)).map(ElementNames::read).orElse(Map.of()));
  }

  private static Map<String, String> read(String xml) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Map<String, String> names = new HashMap<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.getName() != null) {
        names.put(process.getId(), process.getName());
      }
    }
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if (element.getName() != null) {
        names.put(element.getId(), element.getName());
      }
    }
    return Map.copyOf(names);
  }
}
