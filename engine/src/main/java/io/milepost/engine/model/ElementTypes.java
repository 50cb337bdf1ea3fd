package io.milepost.engine.model;

import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.ManualTask;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.Task;
import io.camunda.zeebe.model.bpmn.instance.Transaction;
import io.camunda.zeebe.model.bpmn.instance.UserTask;

/** Maps a parsed BPMN flow node to its {@link BpmnElementType}; null for kinds the engine does not know. */
final class ElementTypes {

  private ElementTypes() {}

  static BpmnElementType of(FlowNode node) {
    return switch (node) {
      case StartEvent e -> BpmnElementType.START_EVENT;
      case EndEvent e -> BpmnElementType.END_EVENT;
      case BoundaryEvent e -> BpmnElementType.BOUNDARY_EVENT;
      case IntermediateCatchEvent e -> BpmnElementType.INTERMEDIATE_CATCH_EVENT;
      case IntermediateThrowEvent e -> BpmnElementType.INTERMEDIATE_THROW_EVENT;
      case ServiceTask t -> BpmnElementType.SERVICE_TASK;
      case UserTask t -> BpmnElementType.USER_TASK;
      case SendTask t -> BpmnElementType.SEND_TASK;
      case ReceiveTask t -> BpmnElementType.RECEIVE_TASK;
      case ScriptTask t -> BpmnElementType.SCRIPT_TASK;
      case BusinessRuleTask t -> BpmnElementType.BUSINESS_RULE_TASK;
      case ManualTask t -> BpmnElementType.MANUAL_TASK;
      case Transaction t -> null;
      case SubProcess s when s.getElementType().getTypeName().equals("adHocSubProcess") -> null;
      case SubProcess s -> s.triggeredByEvent() ? BpmnElementType.EVENT_SUB_PROCESS : BpmnElementType.SUB_PROCESS;
      case CallActivity c -> BpmnElementType.CALL_ACTIVITY;
      case ExclusiveGateway g -> BpmnElementType.EXCLUSIVE_GATEWAY;
      case ParallelGateway g -> BpmnElementType.PARALLEL_GATEWAY;
      case InclusiveGateway g -> BpmnElementType.INCLUSIVE_GATEWAY;
      case EventBasedGateway g -> BpmnElementType.EVENT_BASED_GATEWAY;
      case Task t when t.getElementType().getTypeName().equals("task") -> BpmnElementType.TASK;
      default -> null;
    };
  }
}
