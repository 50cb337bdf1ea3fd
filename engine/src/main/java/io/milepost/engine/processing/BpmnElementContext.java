package io.milepost.engine.processing;

import io.milepost.engine.model.ExecutableProcess;
import io.milepost.engine.model.FlowNode;
import io.milepost.engine.state.ElementInstance;
import io.milepost.engine.state.ProcessInstance;

/** An element instance with its model element, process and process instance. */
public record BpmnElementContext(ElementInstance instance, FlowNode node, ExecutableProcess process,
    ProcessInstance processInstance) {

  public BpmnElementContext with(ElementInstance updated) {
    return new BpmnElementContext(updated, node, process, processInstance);
  }

  public long key() {
    return instance.key();
  }

  public String tenantId() {
    return processInstance.tenantId();
  }
}
