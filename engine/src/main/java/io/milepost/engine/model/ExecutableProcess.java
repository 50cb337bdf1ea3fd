package io.milepost.engine.model;

import java.util.Map;

/** A deployed process: its root container and every flow node and sequence flow by id. */
public record ExecutableProcess(
    String bpmnProcessId, FlowNode root, Map<String, FlowNode> flowNodes, Map<String, SequenceFlow> sequenceFlows) {

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
