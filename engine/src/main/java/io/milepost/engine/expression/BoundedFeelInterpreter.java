package io.milepost.engine.expression;

import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.Map;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.EveryItem;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.For;
import org.camunda.feel.syntaxtree.IterationContext;
import org.camunda.feel.syntaxtree.SomeItem;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValList;
import org.camunda.feel.syntaxtree.ValNumber;
import scala.Tuple2;
import scala.collection.immutable.List;

/**
 * FEEL's interpreter with a budget: every node it evaluates is a step charged to the evaluation running on
 * this thread (time and memory), and the lists it is about to build are sized first: a range to iterate
 * ({@code for i in 1..n}) and the product of the lists a {@code for}, {@code some} or {@code every} iterates
 * over, both of which FEEL builds in full before the first iteration.
 */
final class BoundedFeelInterpreter extends FeelInterpreter {

  private static final ThreadLocal<Evaluation> CURRENT = new ThreadLocal<>();

  /** The budget of the evaluation on this thread and the iterations it has open. */
  private record Evaluation(EvaluationBudget budget, Map<Exp, long[]> iterationSources) {}

  BoundedFeelInterpreter(org.camunda.feel.valuemapper.ValueMapper valueMapper) {
    super(valueMapper);
  }

  /** Runs {@code evaluation} with {@code budget} charged for every step FEEL takes on this thread. */
  static <T> T within(EvaluationBudget budget, java.util.function.Supplier<T> evaluation) {
    Evaluation outer = CURRENT.get();
    CURRENT.set(new Evaluation(budget, new IdentityHashMap<>()));
    try {
      return evaluation.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  @Override
  public Val eval(Exp expression, EvalContext context) {
    Evaluation evaluation = CURRENT.get();
    if (evaluation == null) {
      return super.eval(expression, context);
    }
    EvaluationBudget budget = evaluation.budget();
    budget.step();
    switch (expression) {
      case IterationContext range -> budget.building(rangeSize(range, context));
      case For iteration -> iterates(evaluation, iteration.iterators());
      case SomeItem iteration -> iterates(evaluation, iteration.iterators());
      case EveryItem iteration -> iterates(evaluation, iteration.iterators());
      default -> { }
    }
    Val value = super.eval(expression, context);
    long[] product = evaluation.iterationSources().get(expression);
    if (value instanceof ValList list) {
      budget.built(list.items());
      if (product != null) {
        // FEEL builds every combination of the iterated lists before the first iteration
        product[0] = Math.multiplyExact(product[0], Math.max(list.items().length(), 1));
        budget.building(BigDecimal.valueOf(product[0]));
      }
    }
    return value;
  }

  private static void iterates(Evaluation evaluation, List<Tuple2<String, Exp>> iterators) {
    long[] product = {1};
    iterators.foreach(iterator -> evaluation.iterationSources().put(iterator._2(), product));
  }

  /** How many numbers {@code start..end} holds, read before FEEL builds them all. */
  private BigDecimal rangeSize(IterationContext range, EvalContext context) {
    if (super.eval(range.start(), context) instanceof ValNumber start
        && super.eval(range.end(), context) instanceof ValNumber end) {
      return end.value().bigDecimal().subtract(start.value().bigDecimal()).abs().add(BigDecimal.ONE);
    }
    return BigDecimal.ONE; // not numbers: FEEL reports that itself
  }
}
