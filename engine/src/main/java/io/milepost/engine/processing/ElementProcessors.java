package io.milepost.engine.processing;

import io.milepost.engine.model.BpmnElementType;
import io.milepost.engine.model.FlowNode;
import io.milepost.engine.processing.element.BusinessRuleTaskProcessor;
import io.milepost.engine.processing.element.EndEventProcessor;
import io.milepost.engine.processing.element.EventSubProcessProcessor;
import io.milepost.engine.processing.element.ExclusiveGatewayProcessor;
import io.milepost.engine.processing.element.InclusiveGatewayProcessor;
import io.milepost.engine.processing.element.IntermediateThrowEventProcessor;
import io.milepost.engine.processing.element.ScriptTaskProcessor;
import io.milepost.engine.processing.element.SignalAndLinkCatchEventProcessor;
import io.milepost.engine.processing.element.ThrowingEndEventProcessor;
import io.milepost.engine.processing.element.MessageThrowEventProcessor;
import io.milepost.engine.processing.element.MultiInstanceBodyProcessor;
import io.milepost.engine.processing.element.SubProcessProcessor;
import io.milepost.engine.processing.element.CallActivityProcessor;
import io.milepost.engine.processing.element.CatchEventProcessor;
import io.milepost.engine.processing.element.EventBasedGatewayProcessor;
import io.milepost.engine.processing.element.JobWorkerTaskProcessor;
import io.milepost.engine.processing.element.ParallelGatewayProcessor;
import io.milepost.engine.processing.element.PassThroughProcessor;
import io.milepost.engine.processing.element.ProcessProcessor;
import io.milepost.engine.processing.element.UserTaskProcessor;
import java.util.EnumMap;
import java.util.Map;

/** The processor for each element type; one line per type. */
public final class ElementProcessors {

  private final Map<BpmnElementType, ElementProcessor> processors = new EnumMap<>(BpmnElementType.class);

  public ElementProcessors(BpmnBehaviors behaviors) {
    JobWorkerTaskProcessor jobWorker = new JobWorkerTaskProcessor(behaviors);
    CallActivityProcessor callActivities = new CallActivityProcessor(behaviors);
    CatchEventProcessor catchEvents = new CatchEventProcessor(behaviors);
    processors.put(BpmnElementType.PROCESS, new ProcessProcessor(behaviors, callActivities));
    processors.put(BpmnElementType.CALL_ACTIVITY, callActivities);
    processors.put(BpmnElementType.RECEIVE_TASK, catchEvents);
    processors.put(BpmnElementType.EVENT_BASED_GATEWAY, new EventBasedGatewayProcessor(behaviors));
    PassThroughProcessor passThrough = new PassThroughProcessor(behaviors);
    processors.put(BpmnElementType.START_EVENT, passThrough);
    processors.put(BpmnElementType.END_EVENT, new MessageThrowEventProcessor(
        new ThrowingEndEventProcessor(behaviors, new EndEventProcessor(behaviors, passThrough)), jobWorker));
    processors.put(BpmnElementType.TASK, passThrough);
    processors.put(BpmnElementType.MANUAL_TASK, passThrough);
    processors.put(BpmnElementType.SERVICE_TASK, jobWorker);
    processors.put(BpmnElementType.USER_TASK, new UserTaskProcessor(behaviors, jobWorker));
    processors.put(BpmnElementType.EXCLUSIVE_GATEWAY, new ExclusiveGatewayProcessor(behaviors));
    processors.put(BpmnElementType.PARALLEL_GATEWAY, new ParallelGatewayProcessor(behaviors));
    processors.put(BpmnElementType.SUB_PROCESS, new SubProcessProcessor(behaviors));
    processors.put(BpmnElementType.BOUNDARY_EVENT, passThrough);
    processors.put(BpmnElementType.INTERMEDIATE_CATCH_EVENT, new SignalAndLinkCatchEventProcessor(behaviors, catchEvents));
    processors.put(BpmnElementType.MULTI_INSTANCE_BODY, new MultiInstanceBodyProcessor(behaviors));
    processors.put(BpmnElementType.INCLUSIVE_GATEWAY, new InclusiveGatewayProcessor(behaviors));
    processors.put(BpmnElementType.SCRIPT_TASK, new ScriptTaskProcessor(behaviors, jobWorker));
    processors.put(BpmnElementType.SEND_TASK, jobWorker);
    processors.put(BpmnElementType.BUSINESS_RULE_TASK, new BusinessRuleTaskProcessor(behaviors, jobWorker));
    processors.put(BpmnElementType.INTERMEDIATE_THROW_EVENT,
        new MessageThrowEventProcessor(new IntermediateThrowEventProcessor(behaviors), jobWorker));
    processors.put(BpmnElementType.EVENT_SUB_PROCESS, new EventSubProcessProcessor(behaviors));
  }

  /** The processor of an element instance: a multi-instance body has its own, whatever the activity. */
  public ElementProcessor of(BpmnElementContext element) {
    BpmnElementType type = element.instance().elementType() == BpmnElementType.MULTI_INSTANCE_BODY
        ? BpmnElementType.MULTI_INSTANCE_BODY : element.node().type();
    FlowNode node = element.node();
    ElementProcessor processor = processors.get(type);
    if (processor == null) {
      throw new IllegalStateException("Expected a processor for element type " + node.type() + " ('" + node.id()
          + "'), but there is none: the deploy-time check should have rejected it");
    }
    return processor;
  }
}
