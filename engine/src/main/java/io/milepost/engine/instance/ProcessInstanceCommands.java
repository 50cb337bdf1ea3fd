package io.milepost.engine.instance;

import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.ProcessInstanceCreated;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.RejectionType;
import io.milepost.engine.deployment.DeploymentCommands;
import io.milepost.engine.model.ExecutableProcess;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.state.Definitions;
import io.milepost.engine.state.ProcessInstance;

/** Creating and cancelling process instances. */
public final class ProcessInstanceCommands {

  private final BpmnBehaviors behaviors;

  public ProcessInstanceCommands(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  public ProcessInstanceCreated create(CreateProcessInstance command) {
    Definitions.StoredProcess definition = resolve(command);
    ExecutableProcess process = behaviors.context().processes().get(definition.key(), behaviors.context().state().definitions());
    if (process.root().noneStartEvent() == null) {
      throw new RejectionException(RejectionType.INVALID_ARGUMENT, "Expected process '" + definition.bpmnProcessId()
          + "' to have a none start event to create an instance at, but it has none");
    }
    ProcessInstance instance = new ProcessInstance(behaviors.context().nextKey(), definition.key(),
        definition.bpmnProcessId(), definition.version(), ProcessInstanceState.ACTIVE, null, null, definition.tenantId());
    behaviors.startProcessInstance(instance, process, command.variables(), null);
    return new ProcessInstanceCreated(instance.key(), definition.key(), definition.bpmnProcessId(), definition.version(),
        definition.tenantId());
  }

  private Definitions.StoredProcess resolve(CreateProcessInstance command) {
    Definitions definitions = behaviors.context().state().definitions();
    String tenant = DeploymentCommands.DEFAULT_TENANT;
    if (command.processDefinitionKey() != null) {
      return definitions.process(command.processDefinitionKey()).orElseThrow(() -> new RejectionException(RejectionType.NOT_FOUND,
          "Expected to find process definition with key '" + command.processDefinitionKey() + "', but none found"));
    }
    if (command.bpmnProcessId() == null || command.bpmnProcessId().isBlank()) {
      throw new RejectionException(RejectionType.INVALID_ARGUMENT,
          "Expected a process definition key or a BPMN process id, but neither was given");
    }
    if (command.version() == null || command.version() < 0) {
      return definitions.latestProcess(command.bpmnProcessId(), tenant).orElseThrow(() -> new RejectionException(
          RejectionType.NOT_FOUND, "Expected to find process definition with process ID '" + command.bpmnProcessId()
              + "', but none found"));
    }
    return definitions.processVersion(command.bpmnProcessId(), command.version(), tenant).orElseThrow(() ->
        new RejectionException(RejectionType.NOT_FOUND, "Expected to find process definition with process ID '"
            + command.bpmnProcessId() + "' and version " + command.version() + ", but none found"));
  }

  public void cancel(long processInstanceKey) {
    ProcessInstance instance = behaviors.context().state().processInstances().get(processInstanceKey).orElseThrow(() ->
        new RejectionException(RejectionType.NOT_FOUND, "Expected to cancel a process instance with key '"
            + processInstanceKey + "', but no such process was found"));
    if (instance.state() != ProcessInstanceState.ACTIVE) {
      throw new RejectionException(RejectionType.NOT_FOUND, "Expected to cancel an active process instance with key '"
          + processInstanceKey + "', but it is " + instance.state().name().toLowerCase());
    }
    if (instance.parentProcessInstanceKey() != null) {
      throw new RejectionException(RejectionType.INVALID_STATE, "Expected to cancel a root process instance, but "
          + processInstanceKey + " was started by process instance " + instance.parentProcessInstanceKey()
          + "; cancel that one instead");
    }
    terminateInstance(behaviors.load(processInstanceKey));
  }

  /** Terminates a whole process instance (and, through call activities, its children). */
  public void terminateInstance(BpmnElementContext processElement) {
    behaviors.terminate(processElement);
    behaviors.processInstanceEnded(processElement, ProcessInstanceState.TERMINATED);
  }
}
