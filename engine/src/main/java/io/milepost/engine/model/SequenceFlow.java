package io.milepost.engine.model;

import io.milepost.engine.expression.Expression;

/** A sequence flow between two flow nodes of one scope, with its condition (null when none). */
public final class SequenceFlow {

  private final String id;
  private final FlowNode source;
  private final FlowNode target;
  private final Expression condition;

  SequenceFlow(String id, FlowNode source, FlowNode target, Expression condition) {
    this.id = id;
    this.source = source;
    this.target = target;
    this.condition = condition;
  }

  public String id() {
    return id;
  }

  public FlowNode source() {
    return source;
  }

  public FlowNode target() {
    return target;
  }

  public Expression condition() {
    return condition;
  }

  @Override
  public String toString() {
    return "SequenceFlow[" + id + ": " + source.id() + " -> " + target.id() + "]";
  }
}
