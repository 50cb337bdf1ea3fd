package io.milepost.engine.decision;

import io.milepost.engine.api.EvaluatedDecision;
import io.milepost.engine.api.ModelProblem;
import io.milepost.engine.expression.ExpressionLimits;
import io.milepost.engine.expression.FeelValues;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.dmn.Audit;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDecision;
import org.camunda.dmn.parser.ParsedDecisionTable;
import org.camunda.dmn.parser.ParsedDmn;
import org.camunda.dmn.parser.ParsedLiteralExpression;
import org.camunda.dmn.parser.ParsedRule;
import scala.jdk.javaapi.CollectionConverters;
import scala.util.Either;

/**
 * DMN 1.3 through dmn-scala, the DMN engine Camunda 8 uses (with the FEEL engine the rest of the engine uses):
 * parses a resource into its decision requirements graph, reporting every problem at once, and evaluates a
 * decision of a parsed graph into plain Java values with what each decision saw and which rules matched.
 */
public final class DecisionEngine {

  private static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";

  private final DmnEngine dmn;

  public DecisionEngine(ExpressionLimits limits) {
    this.dmn = new BoundedDmnEngine(limits);
  }

  /** The parsed graph, or null after adding every problem of the resource to {@code problems}. */
  public ParsedDrg parse(String resourceName, byte[] content, List<ModelProblem> problems) {
    Either<DmnEngine.Failure, ParsedDmn> result;
    try {
      result = dmn.parse(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      // the DMN model API throws on some broken references (e.g. a required decision that does not exist)
      problems.add(new ModelProblem(resourceName, null, "Expected a valid DMN 1.3 model, but it could not be read: "
          + e.getMessage()));
      return null;
    }
    if (result.isLeft()) {
      for (String line : result.swap().toOption().get().message().split("\n")) {
        problems.add(new ModelProblem(resourceName, null, "Expected a valid DMN decision model, but: " + line.strip()));
      }
      return null;
    }
    ParsedDmn parsed = result.toOption().get();
    Definitions definitions = parsed.model().getDefinitions();
    List<ParsedDrg.DeclaredDecision> decisions = new ArrayList<>();
    for (Decision decision : parsed.model().getModelElementsByType(Decision.class)) {
      decisions.add(new ParsedDrg.DeclaredDecision(decision.getId(), decision.getName(), versionTag(decision)));
    }
    if (decisions.isEmpty()) {
      problems.add(new ModelProblem(resourceName, null, "Expected at least one decision in the DMN model, but found none"));
      return null;
    }
    if (definitions.getId() == null || definitions.getId().isBlank()) {
      problems.add(new ModelProblem(resourceName, null, "Expected the DMN definitions to have an id, but it has none"));
      return null;
    }
    return new ParsedDrg(definitions.getId(), definitions.getName(), List.copyOf(decisions), parsed);
  }

  /** Camunda 8 keeps a decision's version tag as {@code <zeebe:versionTag value="..."/>} in its extension elements. */
  private static String versionTag(Decision decision) {
    if (decision.getExtensionElements() == null) {
      return null;
    }
    for (DomElement element : decision.getExtensionElements().getDomElement().getChildElements()) {
      if ("versionTag".equals(element.getLocalName()) && ZEEBE_NS.equals(element.getNamespaceURI())) {
        return element.getAttribute("value");
      }
    }
    return null;
  }

  public DecisionOutcome evaluate(ParsedDmn graph, String decisionId, Map<String, Object> variables) {
    var result = dmn.eval(graph, decisionId, variables);
    if (result.isRight()) {
      DmnEngine.EvalResult evaluated = result.toOption().get();
      return new DecisionOutcome(FeelValues.fromScala(evaluated.value()), null, null,
          evaluatedDecisions(graph, evaluated.auditLog()), null);
    }
    DmnEngine.EvalFailure failure = result.swap().toOption().get();
    List<DecisionOutcome.Evaluated> evaluated = evaluatedDecisions(graph, failure.auditLog());
    String failed = failedDecision(graph, decisionId, evaluated);
    DecisionOutcome.Evaluated failedStep = null;
    if (failed == null) {
      // every decision left its entry: the last one is the decision that failed (e.g. a hit policy violated)
      failedStep = evaluated.isEmpty() ? null : evaluated.removeLast();
      failed = failedStep == null ? decisionId : failedStep.decisionId();
    }
    return new DecisionOutcome(null, failure.failure().message(), failed, evaluated, failedStep);
  }

  /** The decision that failed: the first of the graph, in evaluation order, that did not finish. */
  private static String failedDecision(ParsedDmn graph, String decisionId, List<DecisionOutcome.Evaluated> evaluated) {
    Set<String> done = new HashSet<>();
    evaluated.forEach(e -> done.add(e.decisionId()));
    var decision = graph.decisionsById().get(decisionId);
    return decision.isEmpty() ? decisionId : firstUnfinished(decision.get(), done, new HashSet<>());
  }

  private static String firstUnfinished(ParsedDecision decision, Set<String> done, Set<String> visited) {
    if (!visited.add(decision.id())) {
      return null;
    }
    for (ParsedDecision required : CollectionConverters.asJava(decision.requiredDecisions())) {
      String failed = firstUnfinished(required, done, visited);
      if (failed != null) {
        return failed;
      }
    }
    return done.contains(decision.id()) ? null : decision.id();
  }

  private static List<DecisionOutcome.Evaluated> evaluatedDecisions(ParsedDmn graph, Audit.AuditLog log) {
    List<DecisionOutcome.Evaluated> evaluated = new ArrayList<>();
    if (log == null) {
      return evaluated;
    }
    for (Audit.AuditLogEntry entry : CollectionConverters.asJava(log.entries())) {
      if (graph.decisionsById().contains(entry.id())) {
        evaluated.add(evaluated(entry));
      }
    }
    return evaluated;
  }

  private static DecisionOutcome.Evaluated evaluated(Audit.AuditLogEntry entry) {
    List<EvaluatedDecision.EvaluatedInput> inputs = new ArrayList<>();
    List<EvaluatedDecision.MatchedRule> rules = new ArrayList<>();
    String type = switch (entry.decisionLogic()) {
      case ParsedDecisionTable t -> "DECISION_TABLE";
      case ParsedLiteralExpression l -> "LITERAL_EXPRESSION";
      default -> "UNSPECIFIED";
    };
    if (entry.result() instanceof Audit.DecisionTableEvaluationResult table
        && entry.decisionLogic() instanceof ParsedDecisionTable logic) {
      for (Audit.EvaluatedInput input : CollectionConverters.asJava(table.inputs())) {
        inputs.add(new EvaluatedDecision.EvaluatedInput(input.input().id(), input.input().name(),
            FeelValues.fromVal(input.value())));
      }
      List<ParsedRule> allRules = new ArrayList<>(CollectionConverters.asJavaCollection(logic.rules()));
      for (Audit.EvaluatedRule rule : CollectionConverters.asJava(table.matchedRules())) {
        List<EvaluatedDecision.EvaluatedOutput> outputs = new ArrayList<>();
        for (Audit.EvaluatedOutput output : CollectionConverters.asJava(rule.outputs())) {
          outputs.add(new EvaluatedDecision.EvaluatedOutput(output.output().id(), output.output().name(),
              FeelValues.fromVal(output.value())));
        }
        rules.add(new EvaluatedDecision.MatchedRule(rule.rule().id(), allRules.indexOf(rule.rule()) + 1, outputs));
      }
    }
    Object output = entry.result() == null ? null : FeelValues.fromVal(entry.result().result());
    return new DecisionOutcome.Evaluated(entry.id(), type, output, inputs, rules);
  }
}
