package io.milepost.engine.model;

import java.util.Map;

/**
 * A deployed process: its root container and every flow node and sequence flow by id.
 *
 * @param usesCompensation whether any node has a compensation handler: the others skip compensation's look-ups
 * @param usesSignals whether any node is a signal event: the others skip signal subscriptions' look-ups
 */
public record ExecutableProcess(String bpmnProcessId, FlowNode root, Map<String, FlowNode> flowNodes,
    Map<String, SequenceFlow> sequenceFlows, boolean usesCompensation, boolean usesSignals) {

  /** Reads what the behaviours ask on every command once, here, instead of scanning the nodes each time. */
  public ExecutableProcess(String bpmnProcessId, FlowNode root, Map<String, FlowNode> flowNodes,
      Map<String, SequenceFlow> sequenceFlows) {
    this(bpmnProcessId, root, flowNodes, sequenceFlows,
        flowNodes.values().stream().anyMatch(node -> node.compensationHandler() != null),
        flowNodes.values().stream().anyMatch(node -> node.event().type() == EventType.SIGNAL));
  }

  public FlowNode flowNode(String elementId) {
    FlowNode node = flowNodes.get(elementId);
    if (node == null) {
      throw new IllegalStateException("Expected process '" + bpmnProcessId + "' to contain element '"
          + elementId + "', but it does not");
    }
    return node;
  }

  public SequenceFlow sequenceFlow(String flowId) {
    SequenceFlow flow = sequenceFlows.get(flowId);
    if (flow == null) {
      throw new IllegalStateException("Expected process '" + bpmnProcessId + "' to contain sequence flow '"
          + flowId + "', but it does not");
    }
    return flow;
  }
}
