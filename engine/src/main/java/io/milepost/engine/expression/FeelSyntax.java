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

  /**
   * The variable path of an expression that is only a name or a chain of field accesses
   * ({@code order}, {@code order.destination.postalCode}); null for anything else.
   */
  static List<String> simplePath(org.camunda.feel.syntaxtree.Exp expression) {
    if (expression instanceof org.camunda.feel.syntaxtree.Ref ref) {
      List<String> names = new ArrayList<>();
      ref.names().foreach(name -> names.add(name));
      return names;
    }
    if (expression instanceof org.camunda.feel.syntaxtree.PathExpression path) {
      List<String> prefix = simplePath(path.path());
      if (prefix != null) {
        prefix.add(path.key());
      }
      return prefix;
    }
    return null;
  }

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
