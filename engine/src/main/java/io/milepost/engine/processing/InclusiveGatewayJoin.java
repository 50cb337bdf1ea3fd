package io.milepost.engine.processing;

import io.milepost.engine.model.BpmnElementType;
import io.milepost.engine.model.FlowNode;
import io.milepost.engine.model.SequenceFlow;
import io.milepost.engine.state.ElementInstance;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Joining inclusive gateways, with Camunda 8's rule: the join fires once tokens wait at it and no
 * other token of its scope can still reach it. A token can reach it when its element (or a join it
 * waits at) lies on a path of sequence flows, or through a boundary event of an activity, to the gateway.
 * Checked after every step of the scope has taken its flows, so that tokens a fork puts on several
 * flows at once are all counted, and a token that ends elsewhere releases the join.
 */
final class InclusiveGatewayJoin {

  private final BpmnBehaviors behaviors;

  InclusiveGatewayJoin(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  /** {@code stepped} just completed and took its flows (or ended its path) in its flow scope. */
  void fireReady(BpmnElementContext stepped) {
    Long scopeKey = stepped.instance().flowScopeKey();
    FlowNode scopeNode = stepped.node().flowScope();
    if (scopeKey == null || scopeNode == null || BpmnBehaviors.isInnerInstance(stepped)) {
      return;
    }
    List<FlowNode> joins = scopeNode.children().stream()
        .filter(node -> node.type() == BpmnElementType.INCLUSIVE_GATEWAY && node.isJoin()).toList();
    if (joins.isEmpty()) {
      return;
    }
    var state = behaviors.context().state();
    Set<String> waiting = state.joins().waitingGateways(scopeKey);
    if (joins.stream().noneMatch(join -> waiting.contains(join.id()))) {
      return;
    }
    List<ElementInstance> active = state.elementInstances().activeChildren(scopeKey);
    for (FlowNode join : joins) {
      if (!waiting.contains(join.id())) {
        continue;
      }
      Set<String> upstream = upstreamOf(join);
      boolean moreCanArrive = active.stream().anyMatch(instance -> upstream.contains(instance.elementId()))
          || waiting.stream().anyMatch(gateway -> !gateway.equals(join.id()) && upstream.contains(gateway));
      if (!moreCanArrive) {
        state.joins().applyConsumed(scopeKey, join.id());
        behaviors.activate(join, scopeKey, stepped.processInstance(), null);
      }
    }
  }

  /** Every element of the scope from which a token can still get to {@code join}. */
  private static Set<String> upstreamOf(FlowNode join) {
    Set<String> seen = new HashSet<>();
    Deque<FlowNode> open = new ArrayDeque<>();
    open.add(join);
    while (!open.isEmpty()) {
      FlowNode node = open.removeFirst();
      for (SequenceFlow incoming : node.incoming()) {
        if (seen.add(incoming.source().id())) {
          open.add(incoming.source());
        }
      }
      if (node.attachedTo() != null && seen.add(node.attachedTo().id())) {
        open.add(node.attachedTo()); // a token at the activity may leave through this boundary event
      }
    }
    return seen;
  }
}
