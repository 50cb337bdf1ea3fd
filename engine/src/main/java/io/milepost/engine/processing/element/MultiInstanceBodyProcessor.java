package io.milepost.engine.processing.element;

import io.milepost.engine.expression.Expression;
import io.milepost.engine.expression.ExpressionException;
import io.milepost.engine.model.MultiInstanceProperties;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.ElementProcessor;
import io.milepost.engine.processing.IncidentBehavior;
import io.milepost.engine.state.ElementInstance;
import io.milepost.engine.state.ElementState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a multi-instance activity: one inner instance per item of the input collection, all at
 * once (parallel) or one after the other (sequential); collects each inner instance's output element
 * into the output collection, and stops early when the completion condition holds.
 */
public final class MultiInstanceBodyProcessor implements ElementProcessor {

  private final BpmnBehaviors behaviors;

  public MultiInstanceBodyProcessor(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  @Override
  public void onActivate(BpmnElementContext body) {
    MultiInstanceProperties loop = body.node().multiInstance();
    List<Object> items;
    try {
      if (loop.inputCollection() == null) {
        throw new ExpressionException("Expected multi-instance '" + body.node().id() + "' to have an input collection, but it has none");
      }
      items = behaviors.context().expressions().evaluateList(loop.inputCollection(), behaviors.variables().visible(body.key()));
    } catch (ExpressionException e) {
      behaviors.incidents().raise(body, IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage(), null);
      return;
    }
    BpmnElementContext activated = behaviors.activated(body);
    behaviors.context().state().elementInstances().applyDetail(body.key(), behaviors.context().codec().toJson(items));
    if (loop.outputCollection() != null) {
      behaviors.variables().setLocal(body.key(), body.processInstance().key(),
          Map.of(loop.outputCollection(), new ArrayList<>(Collections.nCopies(items.size(), null))), body.tenantId());
    }
    if (items.isEmpty()) {
      behaviors.complete(activated);
    } else if (loop.sequential()) {
      activateInner(activated, items, 1);
    } else {
      for (int i = 1; i <= items.size(); i++) {
        activateInner(activated, items, i);
      }
    }
  }

  private void activateInner(BpmnElementContext body, List<Object> items, int loopCounter) {
    Map<String, Object> locals = new HashMap<>();
    locals.put("loopCounter", loopCounter);
    String inputElement = body.node().multiInstance().inputElement();
    if (inputElement != null) {
      locals.put(inputElement, items.get(loopCounter - 1));
    }
    // As in Camunda: an output element that reads a variable starts as a local of each inner instance, so what
    // an iteration writes to it (e.g. a called process's result) stays with that iteration instead of being
    // merged up to a scope all iterations share.
    if (body.node().multiInstance().outputElement() instanceof Expression.Feel feel && feel.path() != null) {
      locals.putIfAbsent(feel.path().getFirst(), null);
    }
    behaviors.activateInner(body.node(), body, loopCounter, locals);
  }

  @Override
  public void onChildFinished(BpmnElementContext body, BpmnElementContext inner, BpmnBehaviors unused) {
    if (inner.instance().state() != ElementState.COMPLETED) {
      return; // terminated by the body itself (completion condition) or with it
    }
    try {
      childCompleted(body, inner);
    } catch (ExpressionException e) {
      behaviors.incidents().raise(body, IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage(), null);
    }
  }

  private void childCompleted(BpmnElementContext body, BpmnElementContext inner) {
    MultiInstanceProperties loop = body.node().multiInstance();
    List<Object> items = items(body);
    Map<String, Object> innerVariables = behaviors.variables().visible(inner.key());
    if (loop.outputCollection() != null && loop.outputElement() != null) {
      Object output = behaviors.context().expressions().evaluate(loop.outputElement(), innerVariables);
      List<Object> collected = collected(body, loop.outputCollection(), items.size());
      collected.set(inner.instance().loopCounter() - 1, output);
      behaviors.variables().setLocal(body.key(), body.processInstance().key(), Map.of(loop.outputCollection(), collected),
          body.tenantId());
    }
    long active = behaviors.context().state().elementInstances().countActiveChildren(body.key());
    long completed = behaviors.context().state().elementInstances().countChildren(body.key(), ElementState.COMPLETED);
    if (loop.completionCondition() != null) {
      Map<String, Object> context = new HashMap<>(innerVariables);
      context.put("numberOfInstances", (long) items.size());
      context.put("numberOfCompletedInstances", completed);
      context.put("numberOfActiveInstances", active);
      if (behaviors.context().expressions().evaluateBoolean(loop.completionCondition(), context)) {
        for (ElementInstance child : behaviors.context().state().elementInstances().activeChildren(body.key())) {
          behaviors.terminate(behaviors.load(child));
        }
        behaviors.complete(body);
        return;
      }
    }
    if (loop.sequential() && inner.instance().loopCounter() < items.size()) {
      activateInner(body, items, inner.instance().loopCounter() + 1);
    } else if (active == 0) {
      behaviors.complete(body);
    }
  }

  private List<Object> items(BpmnElementContext body) {
    String json = behaviors.context().state().elementInstances().detail(body.key()).orElse("[]");
    Object value = behaviors.context().codec().fromJson(json);
    return value instanceof List<?> list ? new ArrayList<>(list) : List.of();
  }

  @SuppressWarnings("unchecked")
  private List<Object> collected(BpmnElementContext body, String name, int size) {
    Object current = behaviors.context().state().variables().find(body.key(), name)
        .map(json -> behaviors.context().codec().fromJson(json)).orElse(null);
    List<Object> list = current instanceof List<?> l ? new ArrayList<>((List<Object>) l) : new ArrayList<>();
    while (list.size() < size) {
      list.add(null);
    }
    return list;
  }
}
