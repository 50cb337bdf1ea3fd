package io.milepost.host.web.operations;

import io.milepost.engine.api.ElementInstanceState;
import io.milepost.engine.api.EngineEvent;
import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.IncidentFilter;
import io.milepost.engine.api.IncidentState;
import io.milepost.engine.api.IncidentView;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceView;
import io.milepost.engine.api.VariableFilter;
import io.milepost.engine.api.VariableView;
import io.milepost.host.step.StepOutcome;
import io.milepost.host.step.StepRecord;
import io.milepost.host.step.StepRecords;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Everything an instance's page shows, read from the engine's queries and the host's step records. */
@Component
public final class InstanceDetails {

  private static final int MAX_VARIABLES = 1000;
  private static final int MAX_INCIDENTS = 200;

  private final EngineQueries queries;
  private final StepRecords stepRecords;

  InstanceDetails(EngineQueries queries, StepRecords stepRecords) {
    this.queries = queries;
    this.stepRecords = stepRecords;
  }

  /** An incident with the step record of the job that failed (null when no host worker ran it). */
  public record IncidentRow(IncidentView incident, StepRecord step) {}

  /** A variable with the element its scope belongs to ("process" for the instance's own scope). */
  public record VariableRow(VariableView variable, String scope) {}

  public record Details(ProcessInstanceView instance, String xml, Set<String> activeElements, Set<String> completedElements,
      Set<String> incidentElements, Set<String> takenFlows, List<IncidentRow> incidents, List<VariableRow> variables,
      List<EngineEvent> history, List<StepRecord> steps) {}

  Details of(ProcessInstanceView instance) {
    long key = instance.key();
    Set<String> active = new LinkedHashSet<>();
    Set<String> completed = new LinkedHashSet<>();
    Map<Long, String> scopes = new LinkedHashMap<>();
    queries.elementInstances(key).forEach(element -> {
      scopes.put(element.key(), "PROCESS".equals(element.elementType()) ? "process" : element.elementId());
      if ("PROCESS".equals(element.elementType())) {
        return;
      }
      if (element.state() == ElementInstanceState.COMPLETED) {
        completed.add(element.elementId());
      } else if (element.state() == ElementInstanceState.ACTIVE) {
        active.add(element.elementId());
      }
    });
    List<StepRecord> steps = stepRecords.forProcessInstance(key);
    // The record of the attempt that raised the incident: the job's last one that did not complete.
    Map<Long, StepRecord> lastFailureOfJob = new LinkedHashMap<>();
    steps.stream().filter(step -> step.outcome() != StepOutcome.COMPLETED)
        .forEach(step -> lastFailureOfJob.put(step.jobKey(), step));
    List<IncidentRow> incidents = queries.searchIncidents(
            new IncidentFilter(null, key, null, null, null, null, null), new PageRequest(0, MAX_INCIDENTS, true))
        .items().stream()
        .map(incident -> new IncidentRow(incident,
            incident.jobKey() == null ? null : lastFailureOfJob.get(incident.jobKey())))
        .toList();
    Set<String> incidentElements = new LinkedHashSet<>();
    incidents.stream().filter(row -> row.incident().state() == IncidentState.ACTIVE)
        .forEach(row -> incidentElements.add(row.incident().elementId()));
    List<EngineEvent> history = queries.events(key);
    Set<String> taken = new LinkedHashSet<>();
    history.stream().filter(event -> "SEQUENCE_FLOW_TAKEN".equals(event.intent()))
        .forEach(event -> taken.add(event.elementId()));
    List<VariableRow> variables = queries.searchVariables(new VariableFilter(key, null, null),
            PageRequest.first(MAX_VARIABLES)).items().stream()
        .sorted(Comparator.comparing((VariableView v) -> v.scopeKey() != key).thenComparing(VariableView::name))
        .map(variable -> new VariableRow(variable, scopes.getOrDefault(variable.scopeKey(), "?")))
        .toList();
    return new Details(instance, queries.processDefinitionXml(instance.processDefinitionKey()).orElse(""), active,
        completed, incidentElements, taken, incidents, variables, history, steps);
  }
}
