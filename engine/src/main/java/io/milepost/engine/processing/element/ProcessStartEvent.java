package io.milepost.engine.processing.element;

import io.milepost.engine.model.FlowNode;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import java.util.Map;

/**
 * Which start event a process instance begins at: its none start event, unless an event (a signal)
 * created it at another one, which is then kept in the process element's detail.
 */
public final class ProcessStartEvent {

  private static final String KEY = "startEventId";

  private ProcessStartEvent() {}

  public static void remember(BpmnBehaviors behaviors, long processInstanceKey, String startEventId) {
    behaviors.context().state().elementInstances().applyDetail(processInstanceKey,
        behaviors.context().codec().toJson(Map.of(KEY, startEventId)));
  }

  static FlowNode of(BpmnElementContext process, BpmnBehaviors behaviors) {
    return behaviors.context().state().elementInstances().detail(process.key())
        .map(json -> behaviors.context().codec().fromJson(json))
        .filter(detail -> detail instanceof Map<?, ?> map && map.get(KEY) instanceof String)
        .map(detail -> process.process().flowNode((String) ((Map<?, ?>) detail).get(KEY)))
        .orElseGet(() -> process.node().noneStartEvent());
  }
}
