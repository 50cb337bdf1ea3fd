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
      Map.entry(BpmnElementType.START_EVENT, EnumSet.of(EventType.NONE, EventType.TIMER, EventType.MESSAGE)),
      Map.entry(BpmnElementType.END_EVENT, EnumSet.of(EventType.NONE, EventType.ERROR, EventType.TERMINATE)),
      Map.entry(BpmnElementType.SUB_PROCESS, EnumSet.of(EventType.NONE)),
      Map.entry(BpmnElementType.BOUNDARY_EVENT, EnumSet.of(EventType.TIMER, EventType.ERROR, EventType.MESSAGE)),
      Map.entry(BpmnElementType.INTERMEDIATE_CATCH_EVENT, EnumSet.of(EventType.TIMER, EventType.MESSAGE)),
      Map.entry(BpmnElementType.RECEIVE_TASK, EnumSet.of(EventType.MESSAGE)),
      Map.entry(BpmnElementType.EVENT_BASED_GATEWAY, EnumSet.of(EventType.NONE)),
      Map.entry(BpmnElementType.CALL_ACTIVITY, EnumSet.of(EventType.NONE)),
      Map.entry(BpmnElementType.SERVICE_TASK, EnumSet.of(EventType.NONE)),
      Map.entry(BpmnElementType.USER_TASK, EnumSet.of(EventType.NONE)),
      Map.entry(BpmnElementType.EXCLUSIVE_GATEWAY, EnumSet.of(EventType.NONE)),
      Map.entry(BpmnElementType.PARALLEL_GATEWAY, EnumSet.of(EventType.NONE)),
      Map.entry(BpmnElementType.TASK, EnumSet.of(EventType.NONE)),
      Map.entry(BpmnElementType.MANUAL_TASK, EnumSet.of(EventType.NONE)));

  private SupportedElements() {}

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
    if (node.type() == BpmnElementType.START_EVENT && node.flowScope().type() != BpmnElementType.PROCESS
        && node.event().type() != EventType.NONE) {
      return "Element '" + node.id() + "': start events inside an embedded sub-process must be none start events";
    }
    return null;
  }
}
