package io.milepost.engine.random;

import java.util.List;

/**
 * The shape of a generated process: single-entry, single-exit blocks nested inside each other. Every
 * id is unique within the model; the flows out of a split carry explicit ids so the test can tell
 * which branch a gateway took.
 */
final class Blocks {

  private Blocks() {}

  sealed interface Block permits Task, Sequence, Choice, Fork, SubProcess, TimerCatch, MaybeEnd {}

  /** A comparison over one of the generated integer variables, e.g. {@code x > 4}. */
  record Condition(String variable, String operator, int operand) {

    String feel() {
      return "=" + variable + " " + operator + " " + operand;
    }

    boolean holds(int value) {
      return switch (operator) {
        case ">" -> value > operand;
        case "<" -> value < operand;
        case ">=" -> value >= operand;
        default -> value == operand;
      };
    }
  }

  /** Multi-instance over {@code [1..items]}; each inner instance outputs {@code item * 10}. */
  record MultiInstance(boolean sequential, int items, boolean stopAfterTwo) {}

  enum BoundaryKind { ERROR, TIMER }

  /**
   * A boundary event. Interrupting ones continue (after an optional handler task) at the merge
   * gateway behind their activity; non-interrupting ones end at their own end event.
   */
  record Boundary(String id, BoundaryKind kind, String errorCode, int minutes, boolean interrupting, String handlerTaskId) {}

  enum TaskKind { SERVICE, USER }

  /** A service task (job) or a Camunda user task; with {@code outputMapping} it maps {@code x} to {@code out_<id>}. */
  record Task(String id, TaskKind kind, boolean outputMapping, MultiInstance multiInstance, List<Boundary> boundaries,
      String mergeId) implements Block {}

  record Sequence(List<Block> blocks) implements Block {}

  /** A branch of a choice: {@code condition} null for the default flow; {@code body} null for an empty branch. */
  record Branch(String flowId, Condition condition, Block body) {}

  /** An exclusive split with conditions and a default flow, merged by an exclusive gateway. */
  record Choice(String splitId, String joinId, List<Branch> branches) implements Block {}

  /** A parallel fork and join; a null branch goes straight from the fork to the join. */
  record Fork(String forkId, String joinId, List<Block> branches) implements Block {}

  record SubProcess(String id, Block body, MultiInstance multiInstance, List<Boundary> boundaries, String mergeId)
      implements Block {}

  record TimerCatch(String id, int minutes) implements Block {}

  /**
   * An exclusive split that, when its condition holds, ends the scope at an error end event
   * ({@code errorCode} set) or a terminate end event; otherwise it goes on through the pass-through
   * task {@code anchorId}.
   */
  record MaybeEnd(String splitId, String endFlowId, String endId, String continueFlowId, String anchorId,
      Condition condition, String errorCode) implements Block {}
}
