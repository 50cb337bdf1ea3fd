package io.milepost.engine.expression;

import java.util.ArrayList;
import java.util.List;
import org.camunda.feel.syntaxtree.FunctionInvocation;
import org.camunda.feel.syntaxtree.PositionalFunctionParameters;
import scala.Product;

/** Walks a parsed FEEL expression (Scala case classes) to find the functions it calls. */
final class FeelSyntax {

  record Call(String name, int arity) {}

  private FeelSyntax() {}

  static List<Call> calls(Object node) {
    List<Call> calls = new ArrayList<>();
    collect(node, calls);
    return calls;
  }

  private static void collect(Object node, List<Call> calls) {
    if (node instanceof FunctionInvocation invocation
        && invocation.params() instanceof PositionalFunctionParameters positional) {
      calls.add(new Call(invocation.function(), positional.params().size()));
    }
    if (node instanceof scala.collection.Iterable<?> iterable) {
      iterable.foreach(child -> {
        collect(child, calls);
        return null;
      });
    } else if (node instanceof Product product) {
      for (int i = 0; i < product.productArity(); i++) {
        collect(product.productElement(i), calls);
      }
    }
  }
}
