package io.milepost.engine.model;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What this engine runs today. A model that uses anything else is rejected at deploy with a message
 * naming the element, never accepted and then stuck. Extend the sets as processors are added.
 */
final class SupportedElements {

  private static final Map<BpmnElementType, Set<EventType>> SUPPORTED = Map.ofEntries(
      Map.entry(BpmnElementType.START_EVENT, EnumSet.of(EventType.NONE, EventType.TIMER, EventType.MESSAGE, EventType.SIGNAL,
          EventType.ERROR, EventType.ESCALATION)),
      Map.entry(BpmnElementType.END_EVENT, EnumSet.of(EventType.NONE, EventType.ERROR, EventType.TERMINATE, EventType.SIGNAL,
          EventType.ESCALATION, EventType.COMPENSATION, EventType.MESSAGE)),
      Map.entry(BpmnElementType.SUB_PROCESS, EnumSet.of(EventType.NONE)),
      Map.entry(BpmnElementType.EVENT_SUB_PROCESS, EnumSet.of(EventType.NONE)),
      Map.entry(BpmnElementType.BOUNDARY_EVENT, EnumSet.of(EventType.TIMER, EventType.ERROR, EventType.MESSAGE, EventType.SIGNAL,
          EventType.ESCALATION, EventType.COMPENSATION)),
      Map.entry(BpmnElementType.INTERMEDIATE_CATCH_EVENT, EnumSet.of(EventType.TIMER, EventType.MESSAGE, EventType.SIGNAL,
          EventType.LINK)),
      Map.entry(BpmnElementType.INTERMEDIATE_THROW_EVENT, EnumSet.of(EventType.NONE, EventType.SIGNAL, EventType.ESCALATION,
          EventType.LINK, EventType.COMPENSATION, EventType.MESSAGE)),
      Map.entry(BpmnElementType.RECEIVE_TASK, EnumSet.of(EventType.MESSAGE)),
      Map.entry(BpmnElementType.EVENT_BASED_GATEWAY, EnumSet.of(EventType.NONE)),
      Map.entry(BpmnElementType.CALL_ACTIVITY, EnumSet.of(EventType.NONE)),
      Map.entry(BpmnElementType.SERVICE_TASK, EnumSet.of(EventType.NONE)),
      Map.entry(BpmnElementType.USER_TASK, EnumSet.of(EventType.NONE)),
      Map.entry(BpmnElementType.SCRIPT_TASK, EnumSet.of(EventType.NONE)),
      Map.entry(BpmnElementType.SEND_TASK, EnumSet.of(EventType.NONE)),
      Map.entry(BpmnElementType.BUSINESS_RULE_TASK, EnumSet.of(EventType.NONE)),
      Map.entry(BpmnElementType.EXCLUSIVE_GATEWAY, EnumSet.of(EventType.NONE)),
      Map.entry(BpmnElementType.PARALLEL_GATEWAY, EnumSet.of(EventType.NONE)),
      Map.entry(BpmnElementType.INCLUSIVE_GATEWAY, EnumSet.of(EventType.NONE)),
      Map.entry(BpmnElementType.TASK, EnumSet.of(EventType.NONE)),
      Map.entry(BpmnElementType.MANUAL_TASK, EnumSet.of(EventType.NONE)));

  /** The start events each kind of container may start with. */
  private static final Map<BpmnElementType, Set<EventType>> START_EVENTS_BY_SCOPE = Map.of(
      BpmnElementType.PROCESS, EnumSet.of(EventType.NONE, EventType.TIMER, EventType.MESSAGE, EventType.SIGNAL),
      BpmnElementType.SUB_PROCESS, EnumSet.of(EventType.NONE),
      BpmnElementType.EVENT_SUB_PROCESS, EnumSet.of(EventType.TIMER, EventType.MESSAGE, EventType.ERROR, EventType.SIGNAL,
          EventType.ESCALATION));

  private SupportedElements() {}

  /** Message intermediate throw and end events: Camunda 8 runs them like service tasks, as jobs. */
  static boolean isMessageThrow(FlowNode node) {
    return node.event().type() == EventType.MESSAGE
        && (node.type() == BpmnElementType.INTERMEDIATE_THROW_EVENT || node.type() == BpmnElementType.END_EVENT);
  }

  /** Null when the node can run, else why not. */
  static String check(FlowNode node) {
    Set<EventType> events = SUPPORTED.get(node.type());
    if (events == null) {
      return "Element '" + node.id() + "' of type '" + node.type().xmlName() + "' is not supported yet";
    }
    if (!events.contains(node.event().type())) {
      return "Element '" + node.id() + "' of type '" + node.type().xmlName() + "' with a "
          + node.event().type().name().toLowerCase() + " event definition is not supported yet";
    }
    if (isMessageThrow(node) && node.jobWorker() == null) {
      return "Element '" + node.id() + "': a message throw event runs as a job in Camunda 8 and needs a zeebe:taskDefinition, "
          + "but it has none (zeebe:publishMessage is not supported yet)";
    }
    if (node.type() == BpmnElementType.START_EVENT) {
      return checkStartEvent(node);
    }
    if (node.type() == BpmnElementType.BUSINESS_RULE_TASK && node.jobWorker() == null
        && (node.calledDecision() == null || node.calledDecision().decisionId() == null)) {
      return "Element '" + node.id() + "' of type 'businessRuleTask': expected a zeebe:calledDecision with a decisionId "
          + "or a zeebe:taskDefinition (job worker), but found neither";
    }
    if (node.type() == BpmnElementType.SEND_TASK && node.jobWorker() == null) {
      return "Element '" + node.id() + "' of type 'sendTask': publishing a message from a send task is not supported yet; "
          + "expected a zeebe:taskDefinition (job worker)";
    }
    if (node.type() == BpmnElementType.SCRIPT_TASK && node.jobWorker() == null && node.script() == null) {
      return "Element '" + node.id() + "' of type 'scriptTask': expected a zeebe:script expression or a "
          + "zeebe:taskDefinition, but found neither";
    }
    return null;
  }

  private static String checkStartEvent(FlowNode node) {
    BpmnElementType scope = node.flowScope().type();
    Set<EventType> allowed = START_EVENTS_BY_SCOPE.getOrDefault(scope, Set.of());
    if (allowed.contains(node.event().type())) {
      return null;
    }
    String kind = node.event().type().name().toLowerCase();
    return switch (scope) {
      case SUB_PROCESS -> "Element '" + node.id() + "': start events inside an embedded sub-process must be none start events";
      case EVENT_SUB_PROCESS -> "Element '" + node.id() + "': event sub-processes with a " + kind + " start event are "
          + "not supported yet (supported: timer, message, error, signal, escalation)";
      default -> "Element '" + node.id() + "' of type 'startEvent' with a " + kind + " event definition is not supported yet";
    };
  }
}
