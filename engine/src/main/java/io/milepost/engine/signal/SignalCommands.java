package io.milepost.engine.signal;

import io.milepost.engine.api.Deployment;
import io.milepost.engine.api.DeploymentRejectedException;
import io.milepost.engine.api.ModelProblem;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.RejectionType;
import io.milepost.engine.deployment.DeploymentCommands;
import io.milepost.engine.expression.ExpressionException;
import io.milepost.engine.model.EventType;
import io.milepost.engine.model.ExecutableProcess;
import io.milepost.engine.model.FlowNode;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.state.Definitions;
import io.milepost.engine.state.SignalSubscriptions;
import io.milepost.engine.state.SignalSubscriptions.Subscription;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Broadcasting a signal from a client, and keeping the signal start event subscriptions on the latest
 * version of each process: a new version replaces the previous version's subscriptions.
 */
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

  /** After a deployment: the signal start events of each deployed process's latest version are subscribed. */
  public void subscribeStartEvents(Deployment deployment) {
    Set<String> processIds = new LinkedHashSet<>();
    deployment.processes().forEach(process -> processIds.add(process.bpmnProcessId()));
    for (String processId : processIds) {
      Definitions.StoredProcess latest = behaviors.context().state().definitions()
          .latestProcess(processId, deployment.tenantId()).orElseThrow();
      SignalSubscriptions subscriptions = behaviors.context().state().signalSubscriptions();
      List<Subscription> existing = subscriptions.startEventsOf(processId, deployment.tenantId());
      if (!existing.isEmpty() && existing.stream().allMatch(s -> s.processDefinitionKey() == latest.key())) {
        continue; // the same version deployed again
      }
      existing.forEach(subscriptions::applyDeleted);
      ExecutableProcess process = behaviors.context().processes().get(latest.key(), behaviors.context().state().definitions());
      for (FlowNode start : process.root().children()) {
        if (start.type() == io.milepost.engine.model.BpmnElementType.START_EVENT && start.event().type() == EventType.SIGNAL) {
          subscriptions.applyCreated(new Subscription(behaviors.context().nextKey(), staticName(start, latest), start.id(),
              null, null, latest.key(), true, latest.tenantId()));
        }
      }
    }
  }

  /** A start event's signal name has no instance to take variables from: it must evaluate without any. */
  private String staticName(FlowNode start, Definitions.StoredProcess definition) {
    try {
      return behaviors.context().expressions().evaluateString(start.event().signalName(), Map.of());
    } catch (ExpressionException e) {
      throw new DeploymentRejectedException(List.of(new ModelProblem(definition.resourceName(), start.id(),
          "Expected the signal name of start event '" + start.id() + "' to evaluate without variables, but: "
              + e.getMessage())));
    }
  }
}
