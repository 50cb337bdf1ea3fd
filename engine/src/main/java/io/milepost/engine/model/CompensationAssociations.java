package io.milepost.engine.model;

import io.camunda.zeebe.model.bpmn.instance.Association;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.util.Map;

/**
 * Links each activity with a compensation boundary event to its compensation handler. The link is an
 * association (an artifact, not a sequence flow) from the boundary event to the handler, so it is
 * read after every flow node of the process exists.
 */
final class CompensationAssociations {

  private CompensationAssociations() {}

  static void link(Process process, Map<String, FlowNode> nodes) {
    for (Association association : process.getModelInstance().getModelElementsByType(Association.class)) {
      BaseElement source = association.getSource();
      BaseElement target = association.getTarget();
      FlowNode boundary = source == null ? null : nodes.get(source.getId());
      FlowNode handler = target == null ? null : nodes.get(target.getId());
      if (boundary == null || handler == null) {
        boundary = target == null ? null : nodes.get(target.getId()); // drawn the other way round
        handler = source == null ? null : nodes.get(source.getId());
      }
      if (boundary != null && handler != null && boundary.type() == BpmnElementType.BOUNDARY_EVENT
          && boundary.event().type() == EventType.COMPENSATION && boundary.attachedTo() != null) {
        boundary.attachedTo().setCompensationHandler(handler);
      }
    }
  }
}
