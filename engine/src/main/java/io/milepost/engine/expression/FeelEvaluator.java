package io.milepost.engine.expression;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.EvaluationFailureCollector;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import scala.collection.immutable.Map$;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Evaluates parsed FEEL the way FEEL's own engine does, with two differences that matter on the engine's single
 * writer thread. FEEL's built-in functions are built once here: FeelEngine 1.19 builds them anew for every
 * evaluation (its root context is a method), which was a fifth of the writer's time on the order-fulfillment model,
 * mappings and decision tables alike. And every evaluation runs within the {@link ExpressionLimits}, so one
 * expression cannot stop the writer. Both process expressions ({@link ExpressionLanguage}) and the DMN engine's
 * FEEL go through here.
 */
public final class FeelEvaluator {

  private final FeelEngine engine;
  private final FunctionProvider functions;
  private final BoundedFeelInterpreter interpreter;
  private final ExpressionLimits limits;

  /** Evaluates with {@code engine}'s value mapper, clock and function provider. */
  public FeelEvaluator(FeelEngine engine, ExpressionLimits limits) {
    this.engine = engine;
    this.functions = new FunctionProvider.CompositeFunctionProvider(
        CollectionConverters.asScala(List.<FunctionProvider>of(
            new BuiltinFunctions(engine.clock(), engine.valueMapper()), engine.functionProvider())).toList());
    this.interpreter = new BoundedFeelInterpreter(engine.valueMapper());
    this.limits = limits;
  }

  /**
   * What one evaluation gave.
   *
   * @param value the value, or null when a limit was breached
   * @param context the evaluation's context, whose failure collector holds FEEL's (suppressed) failures
   * @param breach the limit the evaluation breached, said as "it ...", or null
   */
  public record Evaluation(Val value, EvalContext context, String breach) {

    /** What FeelEngine would report as the failure: a failed assertion, or an error value; else null. */
    public String failure() {
      for (EvaluationFailure failure : CollectionConverters.asJava(context.failureCollector().failures())) {
        if (failure.failureType() == EvaluationFailureType.ASSERT_FAILURE$.MODULE$) {
          return "assertion failed: " + failure.failureMessage();
        }
      }
      return switch (value) {
        case ValError error -> error.error();
        case ValFatalError error -> error.error();
        case null, default -> null;
      };
    }

    /** The sentence that says which limit stopped {@code source}. */
    public String breachMessage(String source) {
      return "Stopped evaluating expression '" + source + "': it " + breach + " (milepost.engine.expression-limits)";
    }
  }

  /** Evaluates {@code expression} over the engine's {@code variables}. */
  public Evaluation evaluate(Exp expression, Map<String, Object> variables) {
    return evaluate(expression, Map$.MODULE$.from(CollectionConverters.asScala(variables)), functions);
  }

  /** Evaluates {@code expression} over a FEEL context (the DMN engine's: its variables, and functions of its own). */
  public Evaluation evaluate(Exp expression, Context variables) {
    if (!(variables instanceof Context.StaticContext context)) {
      return evaluate(expression, EvalContext.create(engine.valueMapper(), functions).merge(variables));
    }
    FunctionProvider allFunctions = context.functions().isEmpty() ? functions
        : new FunctionProvider.CompositeFunctionProvider(CollectionConverters.asScala(List.<FunctionProvider>of(
            functions, new FunctionProvider.StaticFunctionProvider(context.functions()))).toList());
    return evaluate(expression, context.variables(), allFunctions);
  }

  /**
   * The variables as FEEL's own static context holds them, so that the names an expression binds (a {@code for}'s,
   * a context's entries) hide the variables of the same name as in FEEL. Not through FEEL's merge, which would copy
   * every variable into an ordered map again first, for each expression (of a decision table: for each cell).
   */
  private Evaluation evaluate(Exp expression, scala.collection.immutable.Map<String, Object> variables,
      FunctionProvider allFunctions) {
    return evaluate(expression, new EvalContext(engine.valueMapper(),
        new VariableProvider.StaticVariableProvider(variables), allFunctions, new EvaluationFailureCollector()));
  }

  private Evaluation evaluate(Exp expression, EvalContext context) {
    EvaluationBudget budget = new EvaluationBudget(limits);
    Val value;
    try {
      value = BoundedFeelInterpreter.within(budget, () -> interpreter.eval(expression, context));
    } catch (EvaluationBudget.Breached breached) {
      value = null;
    }
    // FEEL may have turned the breach into an ordinary failure on its way out: the budget remembers it
    return new Evaluation(budget.breach() == null ? value : null, context, budget.breach());
  }

  /**
   * FEEL's Java API keeps its engine in a private field; the engine gives its value mapper, clock and function
   * provider, which evaluation here needs. A FEEL upgrade that moves the field fails here, at start.
   */
  public static FeelEngine engineOf(FeelEngineApi api) {
    try {
      Field engineField = FeelEngineApi.class.getDeclaredField("engine");
      engineField.setAccessible(true);
      return (FeelEngine) engineField.get(api);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Expected FEEL " + FeelEngine.class.getPackage().getImplementationVersion()
          + " to keep its engine where 1.19 does, but it does not", e);
    }
  }
}
