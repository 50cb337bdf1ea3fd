package io.milepost.engine.model;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import io.milepost.engine.api.ModelProblem;
import io.milepost.engine.expression.ExpressionLanguage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;

/**
 * Turns BPMN XML into executable processes. Parses once with {@code zeebe-bpmn-model}, runs its
 * Camunda 8 design-time validators, then checks what this engine needs (supported elements, valid
 * FEEL) and reports every problem of a resource at once, each with the element id.
 */
public final class BpmnTransformer {

  /** What a resource produced: its executable processes, or the problems that stop it. */
  public record Result(List<ExecutableProcess> processes, List<ModelProblem> problems) {}

  private final ExpressionLanguage expressions;

  public BpmnTransformer(ExpressionLanguage expressions) {
    this.expressions = expressions;
  }

  public Result transform(String resourceName, byte[] xml) {
    List<ModelProblem> problems = new ArrayList<>();
    String text = new String(xml, StandardCharsets.UTF_8);
    if (text.contains("<!DOCTYPE") || text.contains("<!ENTITY")) {
      problems.add(new ModelProblem(resourceName, null,
          "Expected BPMN XML without a DOCTYPE or entity declarations (external entities are not allowed), but found one"));
      return new Result(List.of(), problems);
    }
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
    } catch (ModelException | IllegalArgumentException e) {
      problems.add(new ModelProblem(resourceName, null, "Expected a well-formed BPMN 2.0 XML document, but it "
          + "could not be read: " + rootMessage(e)));
      return new Result(List.of(), problems);
    }
    collectDesignTimeProblems(resourceName, model, problems);

    Collection<Process> executable = model.getModelElementsByType(Process.class).stream()
        .filter(Process::isExecutable).toList();
    if (executable.isEmpty() && problems.stream().noneMatch(p -> p.message().contains("executable process"))) {
      problems.add(new ModelProblem(resourceName, null,
          "Expected at least one executable process (isExecutable=\"true\"), but found none"));
    }
    List<ExecutableProcess> processes = new ArrayList<>();
    for (Process process : executable) {
      try {
        processes.add(new ProcessBuilder(resourceName, process, problems).build());
      } catch (RuntimeException e) {
        problems.add(new ModelProblem(resourceName, process.getId(), "Expected process '" + process.getId()
            + "' to be readable, but it could not be transformed: " + rootMessage(e)));
      }
    }
    return new Result(problems.isEmpty() ? processes : List.of(), problems);
  }

  private static void collectDesignTimeProblems(String resourceName, BpmnModelInstance model, List<ModelProblem> problems) {
    Map<ModelElementInstance, List<ValidationResult>> results;
    try {
      results = model.validate(ZeebeDesignTimeValidators.VALIDATORS).getResults();
    } catch (RuntimeException e) {
      // a validator tripped over an attribute value it cannot read (e.g. an unknown enum literal)
      problems.add(new ModelProblem(resourceName, null, "Expected valid Camunda 8 extension attributes, but one could "
          + "not be read: " + deepestMessage(e)));
      return;
    }
    results.forEach((element, list) -> list.stream()
        .filter(r -> r.getType() == ValidationResultType.ERROR)
        .forEach(r -> problems.add(new ModelProblem(resourceName, idOf(element), r.getMessage()))));
  }

  /** The id of the element, or of its nearest ancestor with one (extension elements have none). */
  static String idOf(ModelElementInstance element) {
    ModelElementInstance current = element;
    while (current != null) {
      String id = current.getAttributeValue("id");
      if (id != null) {
        return id;
      }
      current = current.getParentElement();
    }
    return null;
  }

  private static String deepestMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause == e ? e.getMessage() : e.getMessage() + " (" + cause.getMessage() + ")";
  }

  /** Builds one process; collects problems rather than stopping at the first. */
  private final class ProcessBuilder {
    private final String resourceName;
    private final Process process;
    private final List<ModelProblem> problems;
    private final Map<String, io.milepost.engine.model.FlowNode> nodes = new LinkedHashMap<>();
    private final Map<String, SequenceFlow> flows = new LinkedHashMap<>();
    private final ElementReader reader;

    ProcessBuilder(String resourceName, Process process, List<ModelProblem> problems) {
      this.resourceName = resourceName;
      this.process = process;
      this.problems = problems;
      this.reader = new ElementReader(expressions, (id, message) -> problems.add(new ModelProblem(resourceName, id, message)));
    }

    ExecutableProcess build() {
      var root = new io.milepost.engine.model.FlowNode(process.getId(), process.getName(), BpmnElementType.PROCESS, null);
      nodes.put(root.id(), root);
      buildScope(root, process.getFlowElements());
      CompensationAssociations.link(process, nodes);
      return new ExecutableProcess(process.getId(), root, nodes, flows);
    }

    private void buildScope(io.milepost.engine.model.FlowNode scope, Collection<FlowElement> elements) {
      // nodes first, then flows and boundary attachments, which refer to nodes
      for (FlowElement element : elements) {
        if (element instanceof FlowNode flowNode) {
          BpmnElementType type = ElementTypes.of(flowNode);
          if (type == null) {
            problems.add(new ModelProblem(resourceName, flowNode.getId(), "Element '" + flowNode.getId()
                + "' of type '" + flowNode.getElementType().getTypeName() + "' is not supported"));
            continue;
          }
          var node = new io.milepost.engine.model.FlowNode(flowNode.getId(), flowNode.getName(), type, scope);
          scope.addChild(node);
          nodes.put(node.id(), node);
          reader.read(flowNode, node);
          String unsupported = SupportedElements.check(node);
          if (unsupported != null) {
            problems.add(new ModelProblem(resourceName, node.id(), unsupported));
          }
          if (flowNode instanceof SubProcess subProcess) {
            buildScope(node, subProcess.getFlowElements());
          }
        }
      }
      for (FlowElement element : elements) {
        if (element instanceof io.camunda.zeebe.model.bpmn.instance.SequenceFlow flow) {
          addFlow(flow);
        } else if (element instanceof BoundaryEvent boundary) {
          attach(boundary);
        }
      }
      for (FlowElement element : elements) {
        if (element instanceof FlowNode flowNode && nodes.containsKey(flowNode.getId())) {
          resolveDefaultFlow(flowNode, nodes.get(flowNode.getId()));
        }
      }
    }

    private void addFlow(io.camunda.zeebe.model.bpmn.instance.SequenceFlow flow) {
      var source = nodes.get(flow.getSource().getId());
      var target = nodes.get(flow.getTarget().getId());
      if (source == null || target == null) {
        return; // the unsupported end was reported already
      }
      var condition = flow.getConditionExpression() == null ? null
          : reader.expression(flow.getId(), flow.getConditionExpression().getTextContent().trim());
      if (condition != null && source.type() == BpmnElementType.PARALLEL_GATEWAY) {
        problems.add(new ModelProblem(resourceName, flow.getId(), "Expected no condition on sequence flow '"
            + flow.getId() + "' out of parallel gateway '" + source.id() + "' (a parallel gateway takes every "
            + "outgoing flow), but found '" + flow.getConditionExpression().getTextContent().trim() + "'"));
      }
      var executable = new SequenceFlow(flow.getId(), source, target, condition);
      source.addOutgoing(executable);
      target.addIncoming(executable);
      flows.put(flow.getId(), executable);
    }

    private void attach(BoundaryEvent boundary) {
      var event = nodes.get(boundary.getId());
      Activity activity = boundary.getAttachedTo();
      var host = activity == null ? null : nodes.get(activity.getId());
      if (event == null || host == null) {
        return;
      }
      event.setAttachedTo(host);
      event.setInterrupting(boundary.cancelActivity());
      host.addBoundaryEvent(event);
    }

    private void resolveDefaultFlow(FlowNode source, io.milepost.engine.model.FlowNode node) {
      ModelElementInstance defaultFlow = source.getAttributeValue("default") == null ? null
          : source.getModelInstance().getModelElementById(source.getAttributeValue("default"));
      if (defaultFlow instanceof BaseElement flow && flows.containsKey(flow.getId())) {
        node.setDefaultFlow(flows.get(flow.getId()));
      }
    }
  }
}
