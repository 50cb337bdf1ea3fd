package io.milepost.engine.random;

import io.milepost.engine.random.Blocks.Block;
import io.milepost.engine.random.Blocks.Boundary;
import io.milepost.engine.random.Blocks.BoundaryKind;
import io.milepost.engine.random.Blocks.Branch;
import io.milepost.engine.random.Blocks.Choice;
import io.milepost.engine.random.Blocks.Condition;
import io.milepost.engine.random.Blocks.Fork;
import io.milepost.engine.random.Blocks.MaybeEnd;
import io.milepost.engine.random.Blocks.MultiInstance;
import io.milepost.engine.random.Blocks.Sequence;
import io.milepost.engine.random.Blocks.SubProcess;
import io.milepost.engine.random.Blocks.Task;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What the generated model says should happen: which flow each split takes for the current
 * variables, which boundary event catches an error thrown at a task, which variables the root scope
 * holds after each command, and what each multi-instance activity collects.
 */
final class Expectations {

  /** A split's outgoing flows in order; the one with a null condition is the default. */
  record SplitFlow(String flowId, Condition condition) {}

  private final Map<String, List<SplitFlow>> splits = new HashMap<>();
  private final Map<String, Boolean> outputMapped = new HashMap<>();
  private final Map<String, MultiInstance> multiInstances = new HashMap<>();
  private final Map<String, List<Boundary>> boundaries = new HashMap<>();
  /** Activity id -> the ids of the sub-processes around it, nearest first. */
  private final Map<String, List<String>> enclosing = new HashMap<>();
  private final Map<String, Object> rootVariables = new HashMap<>();

  Expectations(Block root, int x, int y) {
    index(root, List.of());
    rootVariables.put("x", x);
    rootVariables.put("y", y);
  }

  static String itemsExpression(int items) {
    return "=" + IntStream.rangeClosed(1, items).boxed().toList().toString().replace(" ", "");
  }

  private void index(Block block, List<String> scopes) {
    switch (block) {
      case null -> { }
      case Sequence sequence -> sequence.blocks().forEach(b -> index(b, scopes));
      case Task task -> activity(task.id(), task.outputMapping(), task.multiInstance(), task.boundaries(), scopes);
      case SubProcess sub -> {
        activity(sub.id(), false, sub.multiInstance(), sub.boundaries(), scopes);
        List<String> inner = new ArrayList<>();
        inner.add(sub.id());
        inner.addAll(scopes);
        index(sub.body(), List.copyOf(inner));
      }
      case Choice choice -> {
        splits.put(choice.splitId(), choice.branches().stream().map(b -> new SplitFlow(b.flowId(), b.condition())).toList());
        choice.branches().stream().map(Branch::body).forEach(b -> index(b, scopes));
      }
      case Fork fork -> fork.branches().forEach(b -> index(b, scopes));
      case MaybeEnd maybe -> splits.put(maybe.splitId(),
          List.of(new SplitFlow(maybe.endFlowId(), maybe.condition()), new SplitFlow(maybe.continueFlowId(), null)));
      case Blocks.TimerCatch timer -> { }
    }
  }

  private void activity(String id, boolean outputMapping, MultiInstance multiInstance, List<Boundary> boundaryEvents,
      List<String> scopes) {
    outputMapped.put(id, outputMapping);
    if (multiInstance != null) {
      multiInstances.put(id, multiInstance);
    }
    boundaries.put(id, boundaryEvents);
    enclosing.put(id, scopes);
    boundaryEvents.stream().filter(b -> b.handlerTaskId() != null)
        .forEach(b -> activity(b.handlerTaskId(), false, null, List.of(), scopes));
  }

  boolean isSplit(String elementId) {
    return splits.containsKey(elementId);
  }

  /** The flow a split takes for the current root variables. */
  String expectedFlow(String splitId) {
    List<SplitFlow> flows = splits.get(splitId);
    for (SplitFlow flow : flows) {
      if (flow.condition() != null && flow.condition().holds(intVariable(flow.condition().variable()))) {
        return flow.flowId();
      }
    }
    return flows.stream().filter(f -> f.condition() == null).findFirst().orElseThrow().flowId();
  }

  private int intVariable(String name) {
    return ((Number) rootVariables.get(name)).intValue();
  }

  /** A job or user task of {@code elementId} completed with {@code variables}. */
  void taskCompleted(String elementId, Map<String, Object> variables) {
    if (outputMapped.getOrDefault(elementId, false)) {
      rootVariables.put("out_" + elementId, variables.getOrDefault("x", rootVariables.get("x")));
    } else {
      rootVariables.putAll(variables);
    }
  }

  /** The boundary event that catches {@code code} thrown at {@code elementId}: on it, or on the nearest sub-process around it. */
  Optional<String> catcher(String elementId, String code) {
    List<String> hosts = new ArrayList<>();
    hosts.add(elementId);
    hosts.addAll(enclosing.getOrDefault(elementId, List.of()));
    for (String host : hosts) {
      List<Boundary> errors = boundaries.getOrDefault(host, List.of()).stream()
          .filter(b -> b.kind() == BoundaryKind.ERROR).toList();
      Optional<Boundary> exact = errors.stream().filter(b -> code.equals(b.errorCode())).findFirst();
      Optional<Boundary> any = exact.or(() -> errors.stream().filter(b -> b.errorCode() == null).findFirst());
      if (any.isPresent()) {
        return Optional.of(any.get().id());
      }
    }
    return Optional.empty();
  }

  void errorCaught(Map<String, Object> variables) {
    rootVariables.putAll(variables);
  }

  /** A multi-instance body completed: without a completion condition, it collected every item's output. */
  void multiInstanceCompleted(String elementId) {
    MultiInstance mi = multiInstances.get(elementId);
    if (mi != null && !mi.stopAfterTwo()) {
      rootVariables.put("res_" + elementId, IntStream.rangeClosed(1, mi.items()).mapToObj(i -> i * 10).toList());
    }
  }

  MultiInstance multiInstance(String elementId) {
    return multiInstances.get(elementId);
  }

  /** Differences between the expected root variables and the visible ones. */
  List<String> compareRootVariables(Map<String, Object> visible) {
    List<String> problems = new ArrayList<>();
    rootVariables.forEach((name, value) -> {
      if (!visible.containsKey(name) || !sameValue(value, visible.get(name))) {
        problems.add("Expected root variable '" + name + "' to be " + value + ", but it was "
            + (visible.containsKey(name) ? visible.get(name) : "missing"));
      }
    });
    if (visible.containsKey("note")) {
      problems.add("Expected the variables of a failed job to stay local to its task, but 'note' reached the process");
    }
    return problems;
  }

  private static boolean sameValue(Object expected, Object actual) {
    if (expected instanceof Number e && actual instanceof Number a) {
      return new BigDecimal(e.toString()).compareTo(new BigDecimal(a.toString())) == 0;
    }
    if (expected instanceof List<?> e && actual instanceof List<?> a) {
      return e.size() == a.size() && IntStream.range(0, e.size()).allMatch(i -> sameValue(e.get(i), a.get(i)));
    }
    return java.util.Objects.equals(expected, actual);
  }
}
