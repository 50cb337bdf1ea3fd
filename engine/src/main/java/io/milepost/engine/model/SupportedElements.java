package io.milepost.engine.model;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What this engine runs today. A model that uses anything else is rejected at deploy with a message
 * naming the element, never accepted and then stuck. Extend the sets as processors are added.
 */
final class SupportedElements {

  private static final Map<BpmnElementType, Set<EventType>> SUPPORTED = Map.of(
      BpmnElementType.START_EVENT, EnumSet.of(EventType.NONE),
      BpmnElementType.END_EVENT, EnumSet.of(EventType.NONE),
      BpmnElementType.SERVICE_TASK, EnumSet.of(EventType.NONE),
      BpmnElementType.USER_TASK, EnumSet.of(EventType.NONE),
      BpmnElementType.EXCLUSIVE_GATEWAY, EnumSet.of(EventType.NONE),
      BpmnElementType.PARALLEL_GATEWAY, EnumSet.of(EventType.NONE),
      BpmnElementType.TASK, EnumSet.of(EventType.NONE),
      BpmnElementType.MANUAL_TASK, EnumSet.of(EventType.NONE));

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
    if (node.multiInstance() != null) {
      return "Element '" + node.id() + "' with multi-instance loop characteristics is not supported yet";
    }
    return null;
  }
}
