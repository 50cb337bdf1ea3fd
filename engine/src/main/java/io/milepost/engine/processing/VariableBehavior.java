package io.milepost.engine.processing;

import io.milepost.engine.model.VariableMapping;
import io.milepost.engine.state.ElementInstance;
import io.milepost.engine.state.EngineState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Variables with Camunda 8 scoping: a scope sees its own variables, then its parents'; merging a
 * document updates each variable where it already exists (nearest scope first) and creates the
 * others in the process instance's root scope.
 */
public final class VariableBehavior {

  private final ProcessingContext context;

  VariableBehavior(ProcessingContext context) {
    this.context = context;
  }

  /** The scope and its ancestors up to the process instance, nearest first. */
  public List<Long> scopeChain(long scopeKey) {
    List<Long> chain = new ArrayList<>();
    Long current = scopeKey;
    EngineState state = context.state();
    while (current != null) {
      chain.add(current);
      current = state.elementInstances().get(current).map(ElementInstance::flowScopeKey).orElse(null);
    }
    return chain;
  }

  /**
   * Every variable visible from a scope, decoded. The map is the caller's; the values are shared with the command's
   * other readers of the same variables (see {@code Variables.decodedOfScope}) and must not be changed.
   */
  public Map<String, Object> visible(long scopeKey) {
    Map<String, Object> result = new HashMap<>();
    for (long scope : scopeChain(scopeKey)) {
      context.state().variables().decodedOfScope(scope, context.codec()::fromJson).forEach(result::putIfAbsent);
    }
    return result;
  }

  public void setLocal(long scopeKey, long processInstanceKey, Map<String, ?> variables, String tenantId) {
    variables.forEach((name, value) -> context.state().variables()
        .applySet(scopeKey, processInstanceKey, name, context.codec().toJson(value), tenantId));
  }

  /** Merges a document into a scope: update where defined (this scope upwards), else create at the root. */
  public void merge(long scopeKey, long processInstanceKey, Map<String, ?> variables, String tenantId) {
    if (variables == null || variables.isEmpty()) {
      return;
    }
    List<Long> chain = scopeChain(scopeKey);
    long root = chain.getLast();
    variables.forEach((name, value) -> {
      long target = chain.stream().filter(scope -> context.state().variables().find(scope, name).isPresent())
          .findFirst().orElse(root);
      context.state().variables().applySet(target, processInstanceKey, name, context.codec().toJson(value), tenantId);
    });
  }

  /**
   * Evaluates mappings in order against {@code base}; a later mapping sees the targets of earlier
   * ones. Dotted targets ({@code a.b}) set a field inside an existing or new context.
   */
  public Map<String, Object> evaluate(List<VariableMapping> mappings, Map<String, Object> base) {
    Map<String, Object> scope = new HashMap<>(base);
    Map<String, Object> result = new LinkedHashMap<>();
    for (VariableMapping mapping : mappings) {
      Object value = context.expressions().evaluate(mapping.source(), scope);
      String[] path = mapping.target().split("\\.");
      Object root = path.length == 1 ? value : withField(result.containsKey(path[0]) ? result.get(path[0]) : scope.get(path[0]), path, 1, value);
      result.put(path[0], root);
      scope.put(path[0], root);
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static Object withField(Object current, String[] path, int index, Object value) {
    Map<String, Object> copy = current instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
    copy.put(path[index], index == path.length - 1 ? value : withField(copy.get(path[index]), path, index + 1, value));
    return copy;
  }
}
