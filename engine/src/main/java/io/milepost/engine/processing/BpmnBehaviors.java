package io.milepost.engine.processing;

import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.expression.ExpressionException;
import io.milepost.engine.model.BpmnElementType;
import io.milepost.engine.model.ExecutableProcess;
import io.milepost.engine.model.FlowNode;
import io.milepost.engine.model.SequenceFlow;
import io.milepost.engine.state.ElementInstance;
import io.milepost.engine.state.ElementState;
import io.milepost.engine.state.EngineState;
import io.milepost.engine.state.ProcessInstance;
import io.milepost.engine.processing.compensation.CompensationBehavior;
import io.milepost.engine.processing.escalation.EscalationBehavior;
import io.milepost.engine.processing.signal.SignalBehavior;
import java.util.List;
import java.util.Map;

/**
 * Moves element instances through their lifecycle: activate (input mappings, then the element's
 * processor), complete (output mappings, choose flows, take them), terminate (children first), and
 * completes a scope when nothing is left running in it.
 */
public final class BpmnBehaviors {

  private final ProcessingContext context;
  private final ElementProcessors processors;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private final EventBehavior events;
  private final SignalBehavior signals;
  private final EscalationBehavior escalations;
  private final EventSubProcessBehavior eventSubProcesses;
  private final CompensationBehavior compensation;
  private final InclusiveGatewayJoin inclusiveJoins;
  private final MessageBehavior messages;
  private final DecisionBehavior decisions;

  public BpmnBehaviors(ProcessingContext context) {
    this.context = context;
    this.processors = new ElementProcessors(this);
    this.variables = new VariableBehavior(context);
    this.incidents = new IncidentBehavior(context);
    this.events = new EventBehavior(this);
    this.signals = new SignalBehavior(this);
    this.escalations = new EscalationBehavior(this);
    this.eventSubProcesses = new EventSubProcessBehavior(this);
    this.compensation = new CompensationBehavior(this);
    this.inclusiveJoins = new InclusiveGatewayJoin(this);
    this.messages = new MessageBehavior(this);
    this.decisions = new DecisionBehavior(context);
  }

  public ProcessingContext context() { return context; }

  public VariableBehavior variables() { return variables; }

  public IncidentBehavior incidents() { return incidents; }

  public EventBehavior events() { return events; }

  public SignalBehavior signals() { return signals; }

  public EscalationBehavior escalations() { return escalations; }

  public EventSubProcessBehavior eventSubProcesses() { return eventSubProcesses; }

  public CompensationBehavior compensation() { return compensation; }

  public MessageBehavior messages() { return messages; }

  public DecisionBehavior decisions() { return decisions; }

  // ---- process instances

  /**
   * Creates the rows of a new process instance, sets its variables and queues the activation of its
   * process element, which starts at {@code startEventId} (its none start event when null).
   */
  public void startProcessInstance(ProcessInstance instance, ExecutableProcess process, Map<String, Object> variables,
      String startEventId) {
    state().processInstances().applyCreated(instance);
    ElementInstance processElement = new ElementInstance(instance.key(), instance.key(), null, process.bpmnProcessId(),
        BpmnElementType.PROCESS, ElementState.ACTIVATING, null);
    state().elementInstances().applyActivating(processElement);
    state().variables().newScope(instance.key());
    if (startEventId != null) {
      state().elementInstances().applyDetail(instance.key(), context.codec().toJson(Map.of("startEventId", startEventId)));
    }
    if (variables != null && !variables.isEmpty()) {
      variables().setLocal(instance.key(), instance.key(), variables, instance.tenantId());
    }
    context.enqueue(() -> onActivating(load(processElement)));
  }

  /** Starts an instance of a definition at one of its start events (timer or message start). */
  public long startProcessInstanceAt(long processDefinitionKey, String startEventId, Map<String, Object> variables) {
    ExecutableProcess process = context.processes().get(processDefinitionKey, state().definitions());
    var definition = state().definitions().process(processDefinitionKey).orElseThrow();
    ProcessInstance instance = new ProcessInstance(context.nextKey(), definition.key(), definition.bpmnProcessId(),
        definition.version(), ProcessInstanceState.ACTIVE, null, null, definition.tenantId());
    startProcessInstance(instance, process, variables, startEventId);
    return instance.key();
  }

  private EngineState state() {
    return context.state();
  }

  /** Loads an element instance with its model and process instance. */
  public BpmnElementContext load(long elementInstanceKey) {
    ElementInstance instance = state().elementInstances().get(elementInstanceKey).orElseThrow(() ->
        new IllegalStateException("Expected element instance " + elementInstanceKey + " to exist, but it does not"));
    return load(instance);
  }

  public BpmnElementContext load(ElementInstance instance) {
    ProcessInstance processInstance = state().processInstances().get(instance.processInstanceKey()).orElseThrow();
    ExecutableProcess process = context.processes().get(processInstance.processDefinitionKey(), state().definitions());
    FlowNode node = instance.elementType() == BpmnElementType.PROCESS ? process.root() : process.flowNode(instance.elementId());
    return new BpmnElementContext(instance, node, process, processInstance);
  }

  // ---- activation

  /**
   * Creates an instance of {@code node} in a scope and queues its activation; a multi-instance
   * activity is activated as its body, which then activates the inner instances.
   */
  public ElementInstance activate(FlowNode node, long flowScopeKey, ProcessInstance processInstance, Integer loopCounter) {
    BpmnElementType type = node.multiInstance() != null ? BpmnElementType.MULTI_INSTANCE_BODY : node.type();
    return activate(node, type, flowScopeKey, processInstance, loopCounter, Map.of());
  }

  /** Activates one inner instance of a multi-instance body with its own local variables. */
  public ElementInstance activateInner(FlowNode node, BpmnElementContext body, int loopCounter, Map<String, Object> locals) {
    return activate(node, node.type(), body.key(), body.processInstance(), loopCounter, locals);
  }

  private ElementInstance activate(FlowNode node, BpmnElementType type, long flowScopeKey, ProcessInstance processInstance,
      Integer loopCounter, Map<String, Object> locals) {
    ElementInstance instance = new ElementInstance(context.nextKey(), processInstance.key(), flowScopeKey, node.id(),
        type, ElementState.ACTIVATING, loopCounter);
    state().elementInstances().applyActivating(instance);
    state().variables().newScope(instance.key());
    if (!locals.isEmpty()) {
      variables.setLocal(instance.key(), processInstance.key(), locals, processInstance.tenantId());
    }
    context.enqueue(() -> ifStill(instance.key(), ElementState.ACTIVATING, this::onActivating));
    return instance;
  }

  /**
   * Runs a queued step of an element only if the element is still in the state the step was queued
   * for: an earlier step of the same command may have terminated it since (a terminate end event, an
   * interrupting event), and a terminated element must not come back to life.
   */
  private void ifStill(long elementInstanceKey, ElementState expected, java.util.function.Consumer<BpmnElementContext> step) {
    BpmnElementContext current = load(elementInstanceKey);
    if (current.instance().state() == expected) {
      step.accept(current);
    }
  }

  public static boolean isMultiInstanceBody(BpmnElementContext element) {
    return element.instance().elementType() == BpmnElementType.MULTI_INSTANCE_BODY;
  }

  /** An inner instance of a multi-instance activity: its body, not it, takes the outgoing flows. */
  public static boolean isInnerInstance(BpmnElementContext element) {
    return element.node().multiInstance() != null && !isMultiInstanceBody(element);
  }

  /** Whether this instance carries the activity's boundary events (a multi-instance activity's body does). */
  public static boolean hostsBoundaryEvents(BpmnElementContext element) {
    return !element.node().boundaryEvents().isEmpty() && !isInnerInstance(element);
  }

  private void multiInstanceOutput(BpmnElementContext body) {
    String collection = body.node().multiInstance().outputCollection();
    if (collection != null) {
      state().variables().find(body.key(), collection).ifPresent(json ->
          variables.merge(body.instance().flowScopeKey(), body.processInstance().key(),
              Map.of(collection, context.codec().fromJson(json) == null ? List.of() : context.codec().fromJson(json)),
              body.tenantId()));
    }
  }

  /** Input mappings, then the element's own activation. Also re-run when its incident is resolved. */
  public void onActivating(BpmnElementContext element) {
    if (!element.node().inputs().isEmpty() && !isMultiInstanceBody(element)) {
      try {
        Map<String, Object> inputs = variables.evaluate(element.node().inputs(),
            variables.visible(element.instance().flowScopeKey()));
        variables.setLocal(element.key(), element.processInstance().key(), inputs, element.tenantId());
      } catch (ExpressionException e) {
        incidents.raise(element, IncidentBehavior.IO_MAPPING_ERROR, e.getMessage(), null);
        return;
      }
    }
    processors.of(element).onActivate(element);
  }

  public BpmnElementContext transitionTo(BpmnElementContext element, ElementState newState) {
    ElementLifecycle.check(element.key(), element.node().id(), element.instance().state(), newState);
    if ((newState == ElementState.COMPLETING || newState == ElementState.TERMINATING) && mayHoldSubscriptions(element)) {
      events.cancelSubscriptions(element.key());
      signals.unsubscribe(element);
    }
    if (newState == ElementState.TERMINATING) {
      compensation.onTerminating(element);
    }
    return element.with(state().elementInstances().applyState(element.instance(), newState));
  }

  /**
   * Only catch events, receive tasks, event-based gateways, activities with boundary events and
   * scopes with event sub-processes wait for timers, messages or signals: the others need no look-up
   * when they end (this is on the hot path of every element).
   */
  private static boolean mayHoldSubscriptions(BpmnElementContext element) {
    FlowNode node = element.node();
    return switch (node.type()) {
      case INTERMEDIATE_CATCH_EVENT, RECEIVE_TASK, EVENT_BASED_GATEWAY -> true;
      default -> hostsBoundaryEvents(element) || !node.eventSubProcesses().isEmpty();
    };
  }

  public BpmnElementContext activated(BpmnElementContext element) {
    BpmnElementContext activated = transitionTo(element, ElementState.ACTIVATED);
    if (hostsBoundaryEvents(activated)) {
      events.subscribeBoundaryEvents(activated);
      signals.subscribeBoundaryEvents(activated);
    }
    eventSubProcesses.subscribe(activated);
    return activated;
  }

  /** For elements that do not wait: activated, then completing at once. */
  public void activatedAndComplete(BpmnElementContext element) {
    complete(activated(element));
  }

  // ---- completion

  /** Moves an activated element to completing and queues the rest of its completion. */
  public void complete(BpmnElementContext element) {
    BpmnElementContext completing = transitionTo(element, ElementState.COMPLETING);
    context.enqueue(() -> ifStill(completing.key(), ElementState.COMPLETING, this::onCompleting));
  }

  /** Output mappings, flow choice, completed, flows taken. Also re-run when its incident is resolved. */
  public void onCompleting(BpmnElementContext element) {
    FlowNode node = element.node();
    ElementProcessor processor = processors.of(element);
    List<SequenceFlow> flows;
    try {
      if (isMultiInstanceBody(element)) {
        multiInstanceOutput(element);
      } else if (!node.outputs().isEmpty()) {
        Map<String, Object> outputs = variables.evaluate(node.outputs(), variables.visible(element.key()));
        variables.merge(element.instance().flowScopeKey(), element.processInstance().key(), outputs, element.tenantId());
      }
      flows = isInnerInstance(element) ? List.of() : processor.outgoingFlows(element);
    } catch (ExpressionException e) {
      String type = node.outputs().isEmpty() ? IncidentBehavior.CONDITION_ERROR : IncidentBehavior.IO_MAPPING_ERROR;
      incidents.raise(element, type, e.getMessage(), null);
      return;
    } catch (NoFlowException e) {
      incidents.raise(element, IncidentBehavior.CONDITION_ERROR, e.getMessage(), null);
      return;
    }
    BpmnElementContext completed = transitionTo(element, ElementState.COMPLETED);
    processor.onCompleted(completed);
    compensation.onCompleted(completed);
    for (SequenceFlow flow : flows) {
      takeFlow(flow, completed);
    }
    inclusiveJoins.fireReady(completed);
    if (flows.isEmpty()) {
      childFinished(completed);
    }
  }

  /** Raised by a processor when no outgoing flow can be taken (e.g. no condition is true, no default). */
  public static final class NoFlowException extends RuntimeException {
    public NoFlowException(String message) {
      super(message);
    }
  }

  private void takeFlow(SequenceFlow flow, BpmnElementContext from) {
    long scopeKey = from.instance().flowScopeKey();
    FlowNode target = flow.target();
    state().elementInstances().logFlowTaken(from.instance(), flow.id());
    if (target.isJoin()) {
      state().joins().applyTaken(scopeKey, target.id(), flow.id());
      if (target.type() == BpmnElementType.INCLUSIVE_GATEWAY) {
        return; // fired by InclusiveGatewayJoin once every flow of this step is taken
      }
      Map<String, Integer> taken = state().joins().taken(scopeKey, target.id());
      boolean complete = target.incoming().stream().allMatch(in -> taken.getOrDefault(in.id(), 0) > 0);
      if (complete) {
        state().joins().applyConsumed(scopeKey, target.id());
        activate(target, scopeKey, from.processInstance(), null);
      }
      return;
    }
    activate(target, scopeKey, from.processInstance(), null);
  }

  /** A child of a scope completed or terminated: let the scope decide whether it is done. */
  public void childFinished(BpmnElementContext child) {
    Long scopeKey = child.instance().flowScopeKey();
    if (scopeKey == null) {
      return;
    }
    BpmnElementContext scope = load(scopeKey);
    if (scope.instance().state() != ElementState.ACTIVATED) {
      return; // terminating scopes finish themselves; completing ones are already on their way
    }
    processors.of(scope).onChildFinished(scope, child, this);
  }

  /** Completes a scope in which nothing runs and no token waits at a join. */
  public void completeScopeIfDone(BpmnElementContext scope) {
    if (state().elementInstances().countActiveChildren(scope.key()) == 0 && !state().joins().hasWaitingTokens(scope.key())) {
      complete(scope);
    }
  }

  // ---- termination

  /** Terminates an element and everything inside it, now. Returns the terminated context. */
  public BpmnElementContext terminate(BpmnElementContext element) {
    if (element.instance().state().isFinal()) {
      return element;
    }
    BpmnElementContext terminating = element.instance().state() == ElementState.TERMINATING ? element
        : transitionTo(element, ElementState.TERMINATING);
    processors.of(terminating).onTerminate(terminating);
    for (ElementInstance child : state().elementInstances().activeChildren(terminating.key())) {
      terminate(load(child));
    }
    incidents.clearOnElement(terminating.key());
    state().joins().applyScopeEnded(terminating.key());
    return transitionTo(terminating, ElementState.TERMINATED);
  }

  // ---- process instance end

  /** Records the end of a process instance (its PROCESS element completed or terminated). */
  public void processInstanceEnded(BpmnElementContext processElement, ProcessInstanceState endState) {
    state().processInstances().applyEnded(processElement.processInstance().key(), endState);
    context.processInstanceEnded(processElement.processInstance().key());
  }
}
