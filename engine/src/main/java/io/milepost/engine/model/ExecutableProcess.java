package io.milepost.engine.model;

import java.util.Map;

/**
 * A deployed process: its root container and every flow node and sequence flow by id. A class, not a record, so that
 * what it derives from its nodes cannot be passed in disagreeing with them.
 */
public final class ExecutableProcess {

  private final String bpmnProcessId;
  private final FlowNode root;
  private final Map<String, FlowNode> flowNodes;
  private final Map<String, SequenceFlow> sequenceFlows;
  private final boolean usesCompensation;
  private final boolean usesSignals;

  /** Reads what the behaviours ask on every command once, here, instead of scanning the nodes each time. */
  public ExecutableProcess(String bpmnProcessId, FlowNode root, Map<String, FlowNode> flowNodes,
      Map<String, SequenceFlow> sequenceFlows) {
    this.bpmnProcessId = bpmnProcessId;
    this.root = root;
    this.flowNodes = Map.copyOf(flowNodes);
    this.sequenceFlows = Map.copyOf(sequenceFlows);
    this.usesCompensation = flowNodes.values().stream().anyMatch(node -> node.compensationHandler() != null);
    this.usesSignals = flowNodes.values().stream().anyMatch(node -> node.event().type() == EventType.SIGNAL);
  }

  public String bpmnProcessId() {
    return bpmnProcessId;
  }

  public FlowNode root() {
    return root;
  }

  public Map<String, FlowNode> flowNodes() {
    return flowNodes;
  }

  public Map<String, SequenceFlow> sequenceFlows() {
    return sequenceFlows;
  }

  /** Whether any node has a compensation handler: the other processes skip compensation's look-ups. */
  public boolean usesCompensation() {
    return usesCompensation;
  }

  /** Whether any node is a signal event: the other processes skip signal subscriptions' look-ups. */
  public boolean usesSignals() {
    return usesSignals;
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
