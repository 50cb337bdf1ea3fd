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

  /** Sorted by {@code sort}, then by key (ascending). */
  Page<UserTaskView> searchUserTasks(UserTaskFilter filter, List<UserTaskSort> sort, PageRequest page);

  /** The distinct candidate groups of the user tasks in a state, sorted. */
  List<String> userTaskCandidateGroups(UserTaskState state);

  Optional<UserTaskView> userTask(long userTaskKey);

  Page<JobView> searchJobs(JobFilter filter, PageRequest page);

  /** Every element instance of a process instance, the process itself (type PROCESS) included. */
  List<ElementInstanceView> elementInstances(long processInstanceKey);

  /** Element instances other than the processes themselves; sorted by {@code sort}, then by key. */
  Page<ElementInstanceView> searchElementInstances(ElementInstanceFilter filter, List<ElementInstanceSort> sort,
      PageRequest page);

  /** An element instance other than a process itself. */
  Optional<ElementInstanceView> elementInstance(long elementInstanceKey);

  /** Per element of the definition that any of its instances reached, sorted by element id. */
  List<ElementStatistics> elementStatistics(long processDefinitionKey);

  /** The ids of the sequence flows a process instance took, each once, in the order first taken. */
  List<String> takenSequenceFlows(long processInstanceKey);

  Optional<FormView> form(long formKey);

  /** The open message subscriptions of waiting elements (not those of message start events). */
  Page<MessageSubscriptionView> searchMessageSubscriptions(MessageSubscriptionFilter filter, PageRequest page);

  /** The variables visible in a scope (its own, then its parents', nearest first wins). */
  Map<String, Object> visibleVariables(long scopeKey);

  Page<VariableView> searchVariables(VariableFilter filter, PageRequest page);

  /** The event log of one process instance, in order. */
  List<EngineEvent> events(long processInstanceKey);

  /** The event log from a position on, in order (exporters, insights). */
  List<EngineEvent> eventsAfter(long position, int limit);

  /** The position of the newest event in the log, 0 while it is empty. */
  long lastEventPosition();

  /**
   * The events after {@code position} up to and including {@code upTo} that have this intent on an element of
   * this type (PROCESS, SERVICE_TASK, ...), in order: for a consumer that follows one kind of event without
   * reading every other.
   */
  List<EngineEvent> eventsBetween(long position, long upTo, String intent, String elementType);
}
