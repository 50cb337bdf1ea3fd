package io.milepost.engine.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The read side. Reads the same store the commands write: a returned command is visible here. */
public interface EngineQueries {

  Page<ProcessInstanceView> searchProcessInstances(ProcessInstanceFilter filter, PageRequest page);

  Optional<ProcessInstanceView> processInstance(long processInstanceKey);

  Page<ProcessDefinitionView> searchProcessDefinitions(ProcessDefinitionFilter filter, PageRequest page);

  Optional<ProcessDefinitionView> processDefinition(long processDefinitionKey);

  /** The BPMN XML of a deployed process definition. */
  Optional<String> processDefinitionXml(long processDefinitionKey);

  Page<IncidentView> searchIncidents(IncidentFilter filter, PageRequest page);

  Optional<IncidentView> incident(long incidentKey);

  Page<UserTaskView> searchUserTasks(UserTaskFilter filter, PageRequest page);

  Optional<UserTaskView> userTask(long userTaskKey);

  Page<JobView> searchJobs(JobFilter filter, PageRequest page);

  List<ElementInstanceView> elementInstances(long processInstanceKey);

  /** The variables visible in a scope (its own, then its parents', nearest first wins). */
  Map<String, Object> visibleVariables(long scopeKey);

  Page<VariableView> searchVariables(VariableFilter filter, PageRequest page);

  /** The event log of one process instance, in order. */
  List<EngineEvent> events(long processInstanceKey);

  /** The event log from a position on, in order (exporters, insights). */
  List<EngineEvent> eventsAfter(long position, int limit);
}
