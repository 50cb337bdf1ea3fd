package io.milepost.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One executable flow node (or container: process, sub-process). Built by {@link BpmnTransformer}
 * and not changed afterwards; the facets that do not apply to its type are null or empty.
 */
public final class FlowNode {

  private final String id;
  private final String name;
  private final BpmnElementType type;
  private final FlowNode flowScope;
  private final List<SequenceFlow> incoming = new ArrayList<>();
  private final List<SequenceFlow> outgoing = new ArrayList<>();
  private final List<FlowNode> children = new ArrayList<>();
  private final List<FlowNode> boundaryEvents = new ArrayList<>();
  private List<VariableMapping> inputs = List.of();
  private List<VariableMapping> outputs = List.of();
  private SequenceFlow defaultFlow;
  private JobWorkerProperties jobWorker;
  private UserTaskProperties userTask;
  private EventDefinition event = EventDefinition.NONE;
  private boolean interrupting = true;
  private FlowNode attachedTo;
  private MultiInstanceProperties multiInstance;
  private CallActivityProperties callActivity;
  private CalledDecisionProperties calledDecision;
  private io.milepost.engine.expression.Expression script;
  private String scriptResultVariable;
  private FlowNode compensationHandler;
  private boolean forCompensation;

  FlowNode(String id, String name, BpmnElementType type, FlowNode flowScope) {
    this.id = id;
    this.name = name;
    this.type = type;
    this.flowScope = flowScope;
  }

  public String id() { return id; }

  public String name() { return name; }

  public BpmnElementType type() { return type; }

  /** The container this node runs in; null for the process itself. */
  public FlowNode flowScope() { return flowScope; }

  public List<SequenceFlow> incoming() { return Collections.unmodifiableList(incoming); }

  public List<SequenceFlow> outgoing() { return Collections.unmodifiableList(outgoing); }

  /** The flow nodes directly inside this container. */
  public List<FlowNode> children() { return Collections.unmodifiableList(children); }

  public List<FlowNode> boundaryEvents() { return Collections.unmodifiableList(boundaryEvents); }

  public List<VariableMapping> inputs() { return inputs; }

  public List<VariableMapping> outputs() { return outputs; }

  public SequenceFlow defaultFlow() { return defaultFlow; }

  public JobWorkerProperties jobWorker() { return jobWorker; }

  public UserTaskProperties userTask() { return userTask; }

  public EventDefinition event() { return event; }

  public boolean interrupting() { return interrupting; }

  public FlowNode attachedTo() { return attachedTo; }

  public MultiInstanceProperties multiInstance() { return multiInstance; }

  public CallActivityProperties callActivity() { return callActivity; }

  /** A business rule task's decision; null when it is a job-worker task (or another element). */
  public CalledDecisionProperties calledDecision() { return calledDecision; }

  public io.milepost.engine.expression.Expression script() { return script; }

  public String scriptResultVariable() { return scriptResultVariable; }

  /** The activity that undoes this one, associated through its compensation boundary event; null when none. */
  public FlowNode compensationHandler() { return compensationHandler; }

  /** A compensation handler: started only by a compensation throw event, never by a sequence flow. */
  public boolean forCompensation() { return forCompensation; }

  /** The none start event a container starts with, if it has one. */
  public FlowNode noneStartEvent() {
    return children.stream()
        .filter(c -> c.type == BpmnElementType.START_EVENT && c.event.type() == EventType.NONE)
        .findFirst().orElse(null);
  }

  /** Event sub-processes directly inside this container. */
  public List<FlowNode> eventSubProcesses() {
    return children.stream().filter(c -> c.type == BpmnElementType.EVENT_SUB_PROCESS).toList();
  }

  /** A join waits for every incoming flow: parallel gateways, and inclusive gateways with several. */
  public boolean isJoin() {
    return (type == BpmnElementType.PARALLEL_GATEWAY || type == BpmnElementType.INCLUSIVE_GATEWAY)
        && incoming.size() > 1;
  }

  // Package-private wiring used only while transforming.

  void addIncoming(SequenceFlow flow) { incoming.add(flow); }

  void addOutgoing(SequenceFlow flow) { outgoing.add(flow); }

  void addChild(FlowNode child) { children.add(child); }

  void addBoundaryEvent(FlowNode boundary) { boundaryEvents.add(boundary); }

  void setMappings(List<VariableMapping> newInputs, List<VariableMapping> newOutputs) {
    this.inputs = List.copyOf(newInputs);
    this.outputs = List.copyOf(newOutputs);
  }

  void setDefaultFlow(SequenceFlow flow) { this.defaultFlow = flow; }

  void setJobWorker(JobWorkerProperties properties) { this.jobWorker = properties; }

  void setUserTask(UserTaskProperties properties) { this.userTask = properties; }

  void setEvent(EventDefinition definition) { this.event = definition; }

  void setInterrupting(boolean value) { this.interrupting = value; }

  void setAttachedTo(FlowNode activity) { this.attachedTo = activity; }

  void setMultiInstance(MultiInstanceProperties properties) { this.multiInstance = properties; }

  void setCallActivity(CallActivityProperties properties) { this.callActivity = properties; }

  void setCalledDecision(CalledDecisionProperties properties) { this.calledDecision = properties; }

  void setScript(io.milepost.engine.expression.Expression expression, String resultVariable) {
    this.script = expression;
    this.scriptResultVariable = resultVariable;
  }

  void setCompensationHandler(FlowNode handler) { this.compensationHandler = handler; }

  void setForCompensation(boolean value) { this.forCompensation = value; }

  @Override
  public String toString() {
    return type + "[" + id + "]";
  }
}
