package io.milepost.engine.expression;

/** An expression could not be evaluated; becomes an incident on the element that evaluated it. */
public final class ExpressionException extends RuntimeException {

  public ExpressionException(String message) {
    super(message);
  }
}
