package io.milepost.engine.model;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.CompensateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ConditionalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.LinkEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.milepost.engine.expression.Expression;
import io.milepost.engine.expression.ExpressionException;
import io.milepost.engine.expression.ExpressionLanguage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Reads the {@code zeebe:} extension elements and event definitions of one element into its facets. */
final class ElementReader {

  /** The job type of a user task without {@code zeebe:userTask}: Camunda's job-worker user task. */
  static final String JOB_WORKER_USER_TASK_TYPE = "io.camunda.zeebe:userTask";

  private final ExpressionLanguage expressions;
  private final BiConsumer<String, String> problems;

  ElementReader(ExpressionLanguage expressions, BiConsumer<String, String> problems) {
    this.expressions = expressions;
    this.problems = problems;
  }

  void read(io.camunda.zeebe.model.bpmn.instance.FlowNode source, FlowNode node) {
    readMappings(source, node);
    readJobWorker(source, node);
    rejectListeners(source, node);
    if (source instanceof UserTask) {
      readUserTask(source, node);
    }
    if (source instanceof Event event) {
      node.setEvent(readEvent(node.id(), event));
      if (source instanceof StartEvent start) {
        node.setInterrupting(start.isInterrupting());
      }
    }
    if (source instanceof ReceiveTask receive && receive.getMessage() != null) {
      node.setEvent(message(node.id(), receive, receive.getMessage().getName()));
    }
    if (source instanceof Activity activity && activity.isForCompensation()) {
      node.setForCompensation(true);
    }
    if (source instanceof Activity activity && activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop) {
      readMultiInstance(node, loop);
    }
    if (source instanceof CallActivity) {
      ZeebeCalledElement called = source.getSingleExtensionElement(ZeebeCalledElement.class);
      if (called != null) {
        node.setCallActivity(new CallActivityProperties(expression(node.id(), called.getProcessId()),
            called.isPropagateAllChildVariablesEnabled(), called.isPropagateAllParentVariablesEnabled()));
      }
    }
    ZeebeCalledDecision decision = source.getSingleExtensionElement(ZeebeCalledDecision.class);
    if (decision != null && node.jobWorker() == null) {
      node.setCalledDecision(new CalledDecisionProperties(expression(node.id(), decision.getDecisionId()),
          decision.getResultVariable(), decision.getBindingType() == null ? "latest" : decision.getBindingType().name(),
          decision.getVersionTag()));
    }
    ZeebeScript script = source.getSingleExtensionElement(ZeebeScript.class);
    if (script != null) {
      node.setScript(expression(node.id(), script.getExpression()), script.getResultVariable());
    }
  }

  Expression expression(String elementId, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return expressions.parse(text.trim());
    } catch (ExpressionException e) {
      problems.accept(elementId, e.getMessage());
      return null;
    }
  }

  /**
   * Where Camunda 8 always reads an expression (mapping sources, multi-instance input collection and
   * output element), the leading {@code =} is optional.
   */
  private Expression feel(String elementId, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String trimmed = text.trim();
    return expression(elementId, trimmed.startsWith("=") ? trimmed : "=" + trimmed);
  }

  /** Execution and task listeners would run as jobs around the element; until they do, say so at deploy. */
  private void rejectListeners(BaseElement source, FlowNode node) {
    var executionListeners = source.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners.class);
    if (executionListeners != null && !executionListeners.getExecutionListeners().isEmpty()) {
      problems.accept(node.id(), "Element '" + node.id() + "' has zeebe:executionListeners, which are not supported yet");
    }
    var taskListeners = source.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners.class);
    if (taskListeners != null && !taskListeners.getTaskListeners().isEmpty()) {
      problems.accept(node.id(), "Element '" + node.id() + "' has zeebe:taskListeners, which are not supported yet");
    }
  }

  private void readMappings(BaseElement source, FlowNode node) {
    ZeebeIoMapping io = source.getSingleExtensionElement(ZeebeIoMapping.class);
    if (io == null) {
      return;
    }
    List<VariableMapping> inputs = new ArrayList<>();
    io.getInputs().forEach(i -> mapping(node.id(), i.getSource(), i.getTarget(), inputs));
    List<VariableMapping> outputs = new ArrayList<>();
    io.getOutputs().forEach(o -> mapping(node.id(), o.getSource(), o.getTarget(), outputs));
    node.setMappings(inputs, outputs);
  }

  private void mapping(String elementId, String source, String target, List<VariableMapping> into) {
    Expression expression = source == null || source.isBlank() ? expressions.parse("=null") : feel(elementId, source);
    if (expression != null && target != null && !target.isBlank()) {
      into.add(new VariableMapping(expression, target.trim()));
    }
  }

  private void readJobWorker(BaseElement source, FlowNode node) {
    ZeebeTaskDefinition definition = source.getSingleExtensionElement(ZeebeTaskDefinition.class);
    Map<String, String> headers = headers(source);
    if (source instanceof UserTask && source.getSingleExtensionElement(ZeebeUserTask.class) == null) {
      // a job-worker user task always has Camunda's user task job type, whatever else the model says
      node.setJobWorker(new JobWorkerProperties(new Expression.Static(JOB_WORKER_USER_TASK_TYPE),
          new Expression.Static("1"), headers));
    } else if (definition != null) {
      Expression retries = expression(node.id(), definition.getRetries() == null ? "3" : definition.getRetries());
      node.setJobWorker(new JobWorkerProperties(expression(node.id(), definition.getType()), retries, headers));
    }
  }

  private void readUserTask(BaseElement source, FlowNode node) {
    ZeebeAssignmentDefinition assignment = source.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
    ZeebeTaskSchedule schedule = source.getSingleExtensionElement(ZeebeTaskSchedule.class);
    ZeebeFormDefinition form = source.getSingleExtensionElement(ZeebeFormDefinition.class);
    ZeebePriorityDefinition priority = source.getSingleExtensionElement(ZeebePriorityDefinition.class);
    String id = node.id();
    node.setUserTask(new UserTaskProperties(
        assignment == null ? null : expression(id, assignment.getAssignee()),
        assignment == null ? null : expression(id, assignment.getCandidateGroups()),
        assignment == null ? null : expression(id, assignment.getCandidateUsers()),
        schedule == null ? null : expression(id, schedule.getDueDate()),
        schedule == null ? null : expression(id, schedule.getFollowUpDate()),
        priority == null ? null : expression(id, priority.getPriority()),
        form == null ? null : form.getFormId(),
        form == null ? null : form.getExternalReference(),
        headers(source)));
  }

  private static Map<String, String> headers(BaseElement source) {
    ZeebeTaskHeaders headers = source.getSingleExtensionElement(ZeebeTaskHeaders.class);
    Map<String, String> result = new LinkedHashMap<>();
    if (headers != null) {
      for (ZeebeHeader header : headers.getHeaders()) {
        result.put(header.getKey(), header.getValue());
      }
    }
    return Map.copyOf(result);
  }

  private io.milepost.engine.model.EventDefinition readEvent(String id, Event event) {
    List<EventDefinition> definitions = new ArrayList<>(event.getChildElementsByType(EventDefinition.class));
    if (definitions.isEmpty()) {
      return io.milepost.engine.model.EventDefinition.NONE;
    }
    EventDefinition definition = definitions.getFirst();
    return switch (definition) {
      case TimerEventDefinition timer -> new io.milepost.engine.model.EventDefinition(EventType.TIMER,
          timer.getTimeDuration() == null ? null : expression(id, timer.getTimeDuration().getTextContent()),
          timer.getTimeDate() == null ? null : expression(id, timer.getTimeDate().getTextContent()),
          timer.getTimeCycle() == null ? null : expression(id, timer.getTimeCycle().getTextContent()),
          null, null, null, null, null);
      case MessageEventDefinition message -> message(id, message,
          message.getMessage() == null ? null : message.getMessage().getName());
      case ErrorEventDefinition error -> new io.milepost.engine.model.EventDefinition(EventType.ERROR,
          null, null, null, null, null, error.getError() == null ? null : error.getError().getErrorCode(), null, null);
      case EscalationEventDefinition escalation -> new io.milepost.engine.model.EventDefinition(EventType.ESCALATION,
          null, null, null, null, null,
          escalation.getEscalation() == null ? null : escalation.getEscalation().getEscalationCode(), null, null);
      case SignalEventDefinition signal -> new io.milepost.engine.model.EventDefinition(EventType.SIGNAL,
          null, null, null, null, null, null,
          signal.getSignal() == null ? null : expression(id, signal.getSignal().getName()), null);
      case TerminateEventDefinition t -> io.milepost.engine.model.EventDefinition.of(EventType.TERMINATE);
      case LinkEventDefinition link -> new io.milepost.engine.model.EventDefinition(EventType.LINK,
          null, null, null, null, null, null, null, link.getName());
      case CompensateEventDefinition c -> new io.milepost.engine.model.EventDefinition(EventType.COMPENSATION,
          null, null, null, null, null, c.getActivity() == null ? null : c.getActivity().getId(), null, null);
      case ConditionalEventDefinition c -> io.milepost.engine.model.EventDefinition.of(EventType.CONDITIONAL);
      default -> io.milepost.engine.model.EventDefinition.of(EventType.NONE);
    };
  }

  private io.milepost.engine.model.EventDefinition message(String id, BaseElement owner, String messageName) {
    BaseElement messageElement = owner instanceof MessageEventDefinition d ? d.getMessage()
        : owner instanceof ReceiveTask r ? r.getMessage() : null;
    ZeebeSubscription subscription = messageElement == null ? null
        : messageElement.getSingleExtensionElement(ZeebeSubscription.class);
    return new io.milepost.engine.model.EventDefinition(EventType.MESSAGE, null, null, null,
        expression(id, messageName), null == subscription ? null : expression(id, subscription.getCorrelationKey()),
        null, null, null);
  }

  private void readMultiInstance(FlowNode node, MultiInstanceLoopCharacteristics loop) {
    ZeebeLoopCharacteristics zeebe = loop.getSingleExtensionElement(ZeebeLoopCharacteristics.class);
    String id = node.id();
    Expression completion = loop.getCompletionCondition() == null ? null
        : expression(id, loop.getCompletionCondition().getTextContent());
    node.setMultiInstance(new MultiInstanceProperties(loop.isSequential(),
        zeebe == null ? null : feel(id, zeebe.getInputCollection()),
        zeebe == null ? null : zeebe.getInputElement(),
        zeebe == null ? null : zeebe.getOutputCollection(),
        zeebe == null ? null : feel(id, zeebe.getOutputElement()),
        completion));
  }
}
