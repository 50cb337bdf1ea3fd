package io.milepost.engine.model;

/** The kinds of flow element the engine knows, with the BPMN XML name each comes from. */
public enum BpmnElementType {
  PROCESS("process"),
  SUB_PROCESS("subProcess"),
  EVENT_SUB_PROCESS("subProcess"),
  MULTI_INSTANCE_BODY("multiInstanceBody"),
  START_EVENT("startEvent"),
  END_EVENT("endEvent"),
  INTERMEDIATE_CATCH_EVENT("intermediateCatchEvent"),
  INTERMEDIATE_THROW_EVENT("intermediateThrowEvent"),
  BOUNDARY_EVENT("boundaryEvent"),
  SERVICE_TASK("serviceTask"),
  USER_TASK("userTask"),
  SEND_TASK("sendTask"),
  RECEIVE_TASK("receiveTask"),
  SCRIPT_TASK("scriptTask"),
  BUSINESS_RULE_TASK("businessRuleTask"),
  MANUAL_TASK("manualTask"),
  TASK("task"),
  CALL_ACTIVITY("callActivity"),
  EXCLUSIVE_GATEWAY("exclusiveGateway"),
  PARALLEL_GATEWAY("parallelGateway"),
  INCLUSIVE_GATEWAY("inclusiveGateway"),
  EVENT_BASED_GATEWAY("eventBasedGateway"),
  SEQUENCE_FLOW("sequenceFlow");

  private final String xmlName;

  BpmnElementType(String xmlName) {
    this.xmlName = xmlName;
  }

  public String xmlName() {
    return xmlName;
  }

  public boolean isContainer() {
    return this == PROCESS || this == SUB_PROCESS || this == EVENT_SUB_PROCESS;
  }
}
