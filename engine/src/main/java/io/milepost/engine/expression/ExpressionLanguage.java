package io.milepost.engine.expression;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

/**
 * FEEL through the Camunda FEEL engine. Expressions are parsed once when a model is deployed and
 * evaluated against the variables visible in a scope; results come back as plain Java values
 * (String, Boolean, Long or Double, List, Map, java.time types).
 */
public final class ExpressionLanguage {

  private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();
  private final FeelEngine engine = FeelEvaluator.engineOf(feel);
  private final FeelEvaluator evaluator;

  public ExpressionLanguage(ExpressionLimits limits) {
    this.evaluator = new FeelEvaluator(engine, limits);
  }

  public ExpressionLanguage() {
    this(ExpressionLimits.DEFAULTS);
  }

  /** Parses {@code =...} as FEEL and anything else as a static string. */
  public Expression parse(String text) {
    if (text == null || !text.startsWith("=")) {
      return new Expression.Static(text);
    }
    ParseResult result = feel.parseExpression(text.substring(1));
    if (result.isFailure()) {
      throw new ExpressionException(
          "Expected a valid FEEL expression, but '" + text + "' failed to parse: " + result.failure().message());
    }
    Expression.Feel expression = new Expression.Feel(text, result.parsedExpression(),
        FeelSyntax.simplePath(result.parsedExpression().expression()));
    unknownFunctions(expression).stream().findFirst().ifPresent(name -> {
      throw new ExpressionException("Expected only known FEEL functions, but '" + text
          + "' calls an unknown function '" + name + "'");
    });
    return expression;
  }

  /** Evaluates to whatever type the expression yields; a static expression yields its text. */
  public Object evaluate(Expression expression, Map<String, Object> variables) {
    return switch (expression) {
      case Expression.Static s -> s.source();
      case Expression.Feel f -> evaluateFeel(f, variables);
    };
  }

  public String evaluateString(Expression expression, Map<String, Object> variables) {
    Object value = evaluate(expression, variables);
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    throw new ExpressionException("Expected '" + expression.source() + "' to evaluate to a string, but it was "
        + describe(value));
  }

  public boolean evaluateBoolean(Expression expression, Map<String, Object> variables) {
    Object value = evaluate(expression, variables);
    if (value instanceof Boolean b) {
      return b;
    }
    throw new ExpressionException("Expected condition '" + expression.source()
        + "' to evaluate to a boolean, but it was " + describe(value));
  }

  public long evaluateLong(Expression expression, Map<String, Object> variables) {
    Object value = evaluate(expression, variables);
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    if (value instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new ExpressionException("Expected '" + expression.source() + "' to evaluate to a whole number, but it was "
        + describe(value));
  }

  /** Evaluates and requires a list (multi-instance input collections). */
  public List<Object> evaluateList(Expression expression, Map<String, Object> variables) {
    Object value = evaluate(expression, variables);
    if (value instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    throw new ExpressionException("Expected '" + expression.source() + "' to evaluate to a list, but it was "
        + describe(value));
  }

  private Object evaluateFeel(Expression.Feel expression, Map<String, Object> variables) {
    if (expression.path() != null) {
      Object value = lookUp(expression.path(), variables);
      if (value != NOT_SIMPLE) {
        return normalize(value);
      }
    }
    FeelEvaluator.Evaluation evaluation = evaluator.evaluate(expression.parsed().expression(), variables);
    if (evaluation.breach() != null) {
      throw new ExpressionException(evaluation.breachMessage(expression.source()));
    }
    String failure = evaluation.failure();
    if (failure != null) {
      throw new ExpressionException("Failed to evaluate expression '" + expression.source() + "': " + failure);
    }
    return normalize(engine.valueMapper().unpackVal(evaluation.value()));
  }

  private static final Object NOT_SIMPLE = new Object();

  /**
   * Reads a variable path as FEEL would (a missing name or field is null) without building a FEEL
   * context, which costs more than the read itself. A path through a list (FEEL maps over it) or a
   * non-context value is left to FEEL.
   */
  private static Object lookUp(List<String> path, Map<String, Object> variables) {
    Object current = variables.get(path.getFirst());
    for (int i = 1; i < path.size(); i++) {
      if (current == null) {
        return null;
      }
      if (!(current instanceof Map<?, ?> context)) {
        return NOT_SIMPLE;
      }
      current = context.get(path.get(i));
    }
    return current instanceof List<?> || current instanceof Map<?, ?> || current == null || current instanceof String
        || current instanceof Number || current instanceof Boolean ? current : NOT_SIMPLE;
  }

  /** FEEL hands back BigDecimal and Scala-free collections; keep numbers as Long where whole. */
  static Object normalize(Object value) {
    if (value instanceof BigDecimal d) {
      try {
        return d.longValueExact();
      } catch (ArithmeticException notWhole) {
        return d.doubleValue();
      }
    }
    if (value instanceof BigInteger i) {
      return i.longValue();
    }
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), normalize(v)));
      return copy;
    }
    if (value instanceof Collection<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(normalize(v)));
      return copy;
    }
    return value; // strings, booleans, doubles and java.time values pass as they are
  }

  /**
   * Names of functions the expression calls that FEEL does not know. Parsing accepts any name, so
   * each call is probed with null arguments: only an unknown name reports "no function found"
   * (as a failure, or as a suppressed one when FEEL answers null).
   */
  private List<String> unknownFunctions(Expression.Feel expression) {
    List<String> unknown = new ArrayList<>();
    for (FeelSyntax.Call call : FeelSyntax.calls(expression.parsed())) {
      String probe = call.name() + "(" + String.join(", ", Collections.nCopies(call.arity(), "null")) + ")";
      EvaluationResult result = feel.evaluateExpression(probe, Map.of());
      String notFound = ("function found with name '" + call.name() + "'").toLowerCase();
      boolean failed = result.isFailure() && result.failure().message().toLowerCase().contains(notFound);
      boolean suppressed = result.hasSuppressedFailures() && result.suppressedFailures().exists(
          failure -> failure.failureMessage().toLowerCase().contains("no " + notFound));
      if (failed || suppressed) {
        unknown.add(call.name());
      }
    }
    return unknown;
  }

  private static String describe(Object value) {
    return value == null ? "null" : "'" + value + "' (" + value.getClass().getSimpleName() + ")";
  }
}
