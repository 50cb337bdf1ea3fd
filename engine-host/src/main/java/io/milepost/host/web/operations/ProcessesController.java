package io.milepost.host.web.operations;

import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessDefinitionFilter;
import io.milepost.engine.api.ProcessDefinitionView;
import io.milepost.host.web.PageNotFoundException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** The deployed processes with their versions, and one version's diagram with live counts per element. */
@Controller
final class ProcessesController {

  private final EngineQueries queries;
  private final ElementCounts counts;
  private final DiagramMarks marks;

  ProcessesController(EngineQueries queries, ElementCounts counts, DiagramMarks marks) {
    this.queries = queries;
    this.counts = counts;
    this.marks = marks;
  }

  @GetMapping("/operations/processes")
  String processes(Model model) {
    Map<String, List<ProcessDefinitionView>> byId = new LinkedHashMap<>();
    queries.searchProcessDefinitions(ProcessDefinitionFilter.all(), PageRequest.first(10_000)).items().stream()
        .sorted(Comparator.comparing(ProcessDefinitionView::bpmnProcessId)
            .thenComparing(ProcessDefinitionView::version, Comparator.reverseOrder()))
        .forEach(definition -> byId.computeIfAbsent(definition.bpmnProcessId(), id -> new java.util.ArrayList<>())
            .add(definition));
    model.addAttribute("processes", byId.values().stream()
        .map(versions -> new ProcessVersions(versions.getFirst().bpmnProcessId(), versions.getFirst().name(), versions))
        .toList());
    model.addAttribute("counts", counts.perDefinition());
    return "operations/processes";
  }

  @GetMapping("/operations/processes/{key}")
  String process(@PathVariable long key, Model model) {
    ProcessDefinitionView definition = queries.processDefinition(key)
        .orElseThrow(() -> new PageNotFoundException("Expected a deployed process definition " + key
            + ", but none exists"));
    model.addAttribute("definition", definition);
    model.addAttribute("versions", queries.searchProcessDefinitions(
            new ProcessDefinitionFilter(null, definition.bpmnProcessId(), null, null), PageRequest.first(1000))
        .items().stream().sorted(Comparator.comparing(ProcessDefinitionView::version).reversed()).toList());
    ElementCounts.Counts elementCounts = counts.of(key);
    model.addAttribute("active", elementCounts.active());
    model.addAttribute("incidents", elementCounts.incidents());
    model.addAttribute("marks", marks.json(Map.of("active", elementCounts.active(), "incidents",
        elementCounts.incidents())));
    return "operations/process";
  }

  /** The BPMN XML the diagram viewer loads. */
  @GetMapping(path = "/operations/processes/{key}/xml", produces = "application/xml")
  @ResponseBody
  String xml(@PathVariable long key) {
    return queries.processDefinitionXml(key).orElseThrow(() -> new PageNotFoundException(
        "Expected a deployed process definition " + key + ", but none exists"));
  }
}
