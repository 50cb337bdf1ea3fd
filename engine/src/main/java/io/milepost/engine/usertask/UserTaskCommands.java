package io.milepost.engine.usertask;

import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.RejectionType;
import io.milepost.engine.api.UserTaskState;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.state.UserTask;
import java.util.Map;

/** Assigning, unassigning and completing Camunda user tasks. */
public final class UserTaskCommands {

  private final BpmnBehaviors behaviors;

  public UserTaskCommands(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  public void assign(long userTaskKey, String assignee, boolean allowOverride) {
    UserTask task = open(userTaskKey, "assign");
    if (assignee == null || assignee.isBlank()) {
      throw new RejectionException(RejectionType.INVALID_ARGUMENT,
          "Expected an assignee for user task " + userTaskKey + ", but it was empty");
    }
    if (!allowOverride && task.assignee() != null && !task.assignee().equals(assignee)) {
      throw new RejectionException(RejectionType.INVALID_STATE, "Expected user task " + userTaskKey
          + " to be unassigned (or allowOverride), but it is assigned to '" + task.assignee() + "'");
    }
    behaviors.context().state().userTasks().applyAssigned(task, assignee);
  }

  public void unassign(long userTaskKey) {
    behaviors.context().state().userTasks().applyAssigned(open(userTaskKey, "unassign"), null);
  }

  public void complete(long userTaskKey, Map<String, Object> variables) {
    UserTask task = open(userTaskKey, "complete");
    BpmnElementContext element = behaviors.load(task.elementInstanceKey());
    if (variables != null && !variables.isEmpty()) {
      if (element.node().outputs().isEmpty()) {
        behaviors.variables().merge(element.key(), element.processInstance().key(), variables, element.tenantId());
      } else {
        behaviors.variables().setLocal(element.key(), element.processInstance().key(), variables, element.tenantId());
      }
    }
    behaviors.context().state().userTasks().applyEnded(task, UserTaskState.COMPLETED);
    behaviors.complete(element);
  }

  private UserTask open(long userTaskKey, String action) {
    UserTask task = behaviors.context().state().userTasks().get(userTaskKey).orElseThrow(() -> new RejectionException(
        RejectionType.NOT_FOUND, "Expected to " + action + " user task with key '" + userTaskKey + "', but no such task was found"));
    if (task.state() != UserTaskState.CREATED) {
      throw new RejectionException(RejectionType.INVALID_STATE, "Expected to " + action + " user task " + userTaskKey
          + " while it is open, but it was " + task.state().name().toLowerCase());
    }
    return task;
  }
}
