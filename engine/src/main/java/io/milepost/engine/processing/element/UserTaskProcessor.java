package io.milepost.engine.processing.element;

import io.milepost.engine.api.UserTaskState;
import io.milepost.engine.expression.Expression;
import io.milepost.engine.expression.ExpressionException;
import io.milepost.engine.model.UserTaskProperties;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;
import io.milepost.engine.processing.IncidentBehavior;
import io.milepost.engine.state.UserTasks;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A Camunda user task ({@code zeebe:userTask}): creates a task for people and waits for its
 * completion. Without {@code zeebe:userTask} it is a job-worker user task and runs as a job.
 */
public final class UserTaskProcessor implements ElementProcessor {

  private final BpmnBehaviors behaviors;
  private final JobWorkerTaskProcessor jobWorker;

  public UserTaskProcessor(BpmnBehaviors behaviors, JobWorkerTaskProcessor jobWorker) {
    this.behaviors = behaviors;
    this.jobWorker = jobWorker;
  }

  @Override
  public void onActivate(BpmnElementContext context) {
    if (context.node().jobWorker() != null) {
      jobWorker.onActivate(context);
      return;
    }
    UserTaskProperties properties = context.node().userTask();
    UserTasks.NewUserTask task;
    try {
      Map<String, Object> variables = behaviors.variables().visible(context.key());
      String formKey = properties.formId() == null ? null : behaviors.context().state().definitions()
          .latestForm(properties.formId(), context.tenantId()).map(f -> String.valueOf(f.key())).orElse(null);
      task = new UserTasks.NewUserTask(behaviors.context().nextKey(), context.node().name(),
          string(properties.assignee(), variables), list(properties.candidateGroups(), variables),
          list(properties.candidateUsers(), variables), context.instance(), context.processInstance(),
          string(properties.dueDate(), variables), string(properties.followUpDate(), variables), formKey,
          properties.externalFormReference(), priority(properties.priority(), variables), properties.headers());
    } catch (ExpressionException e) {
      behaviors.incidents().raise(context, IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage(), null);
      return;
    }
    behaviors.activated(context);
    behaviors.context().state().userTasks().applyCreated(task);
  }

  @Override
  public void onTerminate(BpmnElementContext context) {
    if (context.node().jobWorker() != null) {
      jobWorker.onTerminate(context);
      return;
    }
    behaviors.context().state().userTasks().openOfElement(context.key())
        .ifPresent(task -> behaviors.context().state().userTasks().applyEnded(task, UserTaskState.CANCELED));
  }

  private String string(Expression expression, Map<String, Object> variables) {
    if (expression == null) {
      return null;
    }
    Object value = behaviors.context().expressions().evaluate(expression, variables);
    return value == null ? null : String.valueOf(value);
  }

  /** Candidate groups and users: a FEEL list, or a comma-separated static string. */
  private List<String> list(Expression expression, Map<String, Object> variables) {
    if (expression == null) {
      return List.of();
    }
    Object value = behaviors.context().expressions().evaluate(expression, variables);
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    if (value instanceof String text) {
      return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
    throw new ExpressionException("Expected '" + expression.source() + "' to be a list of strings or a comma-separated "
        + "string, but it was " + value);
  }

  private int priority(Expression expression, Map<String, Object> variables) {
    return expression == null ? 50 : (int) behaviors.context().expressions().evaluateLong(expression, variables);
  }
}
