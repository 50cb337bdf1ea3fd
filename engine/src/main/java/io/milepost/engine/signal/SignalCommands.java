package io.milepost.engine.signal;

import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.RejectionType;
import io.milepost.engine.deployment.DeploymentCommands;
import io.milepost.engine.processing.BpmnBehaviors;
import java.util.Map;

/** Broadcasting a signal from a client (to the default tenant, the only one there is). */
public final class SignalCommands {

  private final BpmnBehaviors behaviors;

  public SignalCommands(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  public long broadcast(String signalName, Map<String, Object> variables) {
    if (signalName == null || signalName.isBlank()) {
      throw new RejectionException(RejectionType.INVALID_ARGUMENT, "Expected a signal name to broadcast, but it was empty");
    }
    return behaviors.signals().broadcast(signalName, variables, DeploymentCommands.DEFAULT_TENANT);
  }
}
