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
import io.milepost.engine.random.Blocks.TaskKind;
import io.milepost.engine.random.Blocks.TimerCatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generates a random, valid block structure of bounded size and nesting depth. */
final class ModelGenerator {

  static final String[] ERROR_CODES = {"E1", "E2"};
  private static final int MAX_DEPTH = 3;

  private final Random random;
  private int budget;
  private int next;

  ModelGenerator(Random random, int budget) {
    this.random = random;
    this.budget = budget;
  }

  Block generate() {
    return sequence(0, false);
  }

  private String id(String prefix) {
    return prefix + "_" + (++next);
  }

  private Block sequence(int depth, boolean inSubProcess) {
    List<Block> blocks = new ArrayList<>();
    int length = 1 + random.nextInt(depth == 0 ? 4 : 3);
    for (int i = 0; i < length && (i == 0 || budget > 0); i++) {
      blocks.add(block(depth, inSubProcess));
    }
    return blocks.size() == 1 ? blocks.getFirst() : new Sequence(blocks);
  }

  private Block block(int depth, boolean inSubProcess) {
    budget--;
    int roll = random.nextInt(100);
    boolean nest = depth < MAX_DEPTH && budget > 0;
    if (nest && roll < 15) {
      return choice(depth, inSubProcess);
    }
    if (nest && roll < 30) {
      return fork(depth, inSubProcess);
    }
    if (nest && roll < 42) {
      String id = id("sub");
      Block body = sequence(depth + 1, true);
      return new SubProcess(id, body, maybeMultiInstance(30), boundaries(true), id("merge"));
    }
    if (roll < 50) {
      return new TimerCatch(id("wait"), minutes());
    }
    if (roll < 58) {
      String code = inSubProcess && random.nextInt(3) > 0 ? ERROR_CODES[random.nextInt(2)] : null;
      return new MaybeEnd(id("maybe"), id("flow"), id(code == null ? "terminate" : "error"), id("flow"), id("pass"),
          condition(), code);
    }
    return task();
  }

  private Task task() {
    TaskKind kind = random.nextInt(8) == 0 ? TaskKind.USER : TaskKind.SERVICE;
    return new Task(id(kind == TaskKind.USER ? "review" : "task"), kind, random.nextInt(4) == 0, maybeMultiInstance(20),
        kind == TaskKind.SERVICE ? boundaries(true) : boundaries(false), id("merge"));
  }

  private MultiInstance maybeMultiInstance(int percent) {
    if (random.nextInt(100) >= percent) {
      return null;
    }
    return new MultiInstance(random.nextBoolean(), random.nextInt(4), random.nextInt(4) == 0);
  }

  private List<Boundary> boundaries(boolean errors) {
    List<Boundary> result = new ArrayList<>();
    java.util.Set<String> codes = new java.util.HashSet<>(); // one catch event per code (and one catch-all) on a host
    int count = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(2);
    for (int i = 0; i < count; i++) {
      boolean error = errors && random.nextBoolean();
      String code = random.nextInt(4) == 0 ? "*" : ERROR_CODES[random.nextInt(2)];
      error = error && codes.add(code);
      String handler = random.nextBoolean() ? id("handle") : null;
      if (error) {
        result.add(new Boundary(id("catch"), BoundaryKind.ERROR, code.equals("*") ? null : code, 0, true, handler));
      } else {
        result.add(new Boundary(id("timeout"), BoundaryKind.TIMER, null, minutes(), random.nextBoolean(), handler));
      }
    }
    return result;
  }

  private Choice choice(int depth, boolean inSubProcess) {
    List<Branch> branches = new ArrayList<>();
    int conditional = 1 + random.nextInt(2);
    for (int i = 0; i < conditional; i++) {
      branches.add(new Branch(id("flow"), condition(), branchBody(depth, inSubProcess, i == 0)));
    }
    branches.add(new Branch(id("flow"), null, branchBody(depth, inSubProcess, true)));
    return new Choice(id("split"), id("join"), branches);
  }

  private Fork fork(int depth, boolean inSubProcess) {
    List<Block> branches = new ArrayList<>();
    int count = 2 + random.nextInt(2);
    for (int i = 0; i < count; i++) {
      branches.add(branchBody(depth, inSubProcess, i == count - 1));
    }
    return new Fork(id("fork"), id("join"), branches);
  }

  private Block branchBody(int depth, boolean inSubProcess, boolean mayBeEmpty) {
    return mayBeEmpty && random.nextInt(5) == 0 ? null : sequence(depth + 1, inSubProcess);
  }

  private Condition condition() {
    String variable = random.nextBoolean() ? "x" : "y";
    String operator = new String[] {">", "<", ">=", "="}[random.nextInt(4)];
    return new Condition(variable, operator, random.nextInt(10));
  }

  private int minutes() {
    return 10 * (1 + random.nextInt(12));
  }
}
