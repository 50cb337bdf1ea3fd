package io.milepost.engine.processing.element;

import io.milepost.engine.model.BpmnElementType;
import io.milepost.engine.model.EventType;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;

/**
 * Message intermediate throw and end events run as jobs in Camunda 8 (a worker sends the message);
 * every other throw or end event goes to the event's own processor.
 */
public final class MessageThrowEventProcessor implements ElementProcessor {

  private final ElementProcessor otherwise;
  private final JobWorkerTaskProcessor jobWorker;

  public MessageThrowEventProcessor(ElementProcessor otherwise, JobWorkerTaskProcessor jobWorker) {
    this.otherwise = otherwise;
    this.jobWorker = jobWorker;
  }

  private ElementProcessor processor(BpmnElementContext context) {
    boolean messageThrow = context.node().event().type() == EventType.MESSAGE
        && (context.node().type() == BpmnElementType.INTERMEDIATE_THROW_EVENT || context.node().type() == BpmnElementType.END_EVENT);
    return messageThrow ? jobWorker : otherwise;
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    processor(context).onActivate(context);
  }

  @Override
  public java.util.List<io.milepost.engine.model.SequenceFlow> outgoingFlows(BpmnElementContext context) {
    return processor(context).outgoingFlows(context);
  }

  @Override
  public void onCompleted(BpmnElementContext context) {
    processor(context).onCompleted(context);
  }

  @Override
  public void onTerminate(BpmnElementContext context) {
    processor(context).onTerminate(context);
  }
}
