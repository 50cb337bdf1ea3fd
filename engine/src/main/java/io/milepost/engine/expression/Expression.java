package io.milepost.engine.expression;

/**
 * A value in a model that may be computed: a FEEL expression (written {@code =...}) or a static
 * string. Parsed once at deploy time.
 */
public sealed interface Expression permits Expression.Static, Expression.Feel {

  /** The text as written in the model, including the leading {@code =} of a FEEL expression. */
  String source();

  record Static(String source) implements Expression {}

  /** {@code path} is set when the expression only reads a variable (or a field of one): evaluated without FEEL. */
  record Feel(String source, org.camunda.feel.syntaxtree.ParsedExpression parsed, java.util.List<String> path)
      implements Expression {}
}
