package io.milepost.engine.decision;

import io.milepost.engine.expression.ExpressionLimits;
import io.milepost.engine.expression.FeelEvaluator;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.evaluation.LiteralExpressionEvaluator;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FailedEvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.SuccessfulEvaluationResult;
import org.camunda.feel.context.Context;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * dmn-scala with its FEEL evaluated through {@link FeelEvaluator}: FEEL's built-in functions built once instead of for
 * every input entry of every rule (a sixth of the writer's time on the order-fulfillment model, with three decision
 * tables per order), and every expression of a decision within the engine's expression limits, like the process's own
 * expressions. Every FEEL evaluation of dmn-scala 1.11 (decision tables' inputs, input entries and output entries,
 * literal expressions, contexts, invocations) goes through its literal expression evaluator, which is replaced here.
 */
final class BoundedDmnEngine extends DmnEngine {

  private final LiteralExpressionEvaluator literalExpressions;

  BoundedDmnEngine(ExpressionLimits limits) {
    super(DmnEngine.$lessinit$greater$default$1(), DmnEngine.$lessinit$greater$default$2(),
        DmnEngine.$lessinit$greater$default$3());
    FeelEngine dmnFeel = FeelEvaluator.engineOf(feelEngine());
    literalExpressions = new LiteralExpressionEvaluator(new FeelEngineApi(new Bounded(dmnFeel, limits)));
  }

  @Override
  public LiteralExpressionEvaluator literalExpressionEval() {
    return literalExpressions;
  }

  /** dmn-scala's FEEL engine (its value mapper keeps values as FEEL values), evaluating through the evaluator. */
  private static final class Bounded extends FeelEngine {

    private final FeelEvaluator evaluator;

    Bounded(FeelEngine dmnFeel, ExpressionLimits limits) {
      super(dmnFeel.functionProvider(), dmnFeel.valueMapper(), dmnFeel.configuration(), dmnFeel.clock());
      this.evaluator = new FeelEvaluator(this, limits);
    }

    /** As FeelEngine answers, with its failure texts; a breached limit says which limit. */
    @Override
    public EvaluationResult evaluate(ParsedExpression expression, Context context) {
      FeelEvaluator.Evaluation evaluation;
      try {
        evaluation = evaluator.evaluate(expression.expression(), context);
      } catch (RuntimeException e) {
        return new FailedEvaluationResult(new FeelEngine.Failure(
            "failed to evaluate expression '" + expression.text() + "' : " + e), emptyFailures());
      }
      var failures = evaluation.context().failureCollector().failures();
      if (evaluation.breach() != null) {
        return new FailedEvaluationResult(new FeelEngine.Failure(evaluation.breachMessage(expression.text())), failures);
      }
      String failure = evaluation.failure();
      if (failure != null) {
        return new FailedEvaluationResult(new FeelEngine.Failure(
            "failed to evaluate expression '" + expression.text() + "': " + failure), failures);
      }
      return new SuccessfulEvaluationResult(valueMapper().unpackVal(evaluation.value()), failures);
    }

    private static scala.collection.immutable.List<org.camunda.feel.api.EvaluationFailure> emptyFailures() {
      return scala.collection.immutable.List$.MODULE$.empty();
    }
  }
}
