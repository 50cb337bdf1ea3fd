package io.milepost.engine.processing;

import io.milepost.engine.expression.ExpressionLanguage;
import io.milepost.engine.state.EngineState;
import io.milepost.engine.state.KeyGenerator;
import io.milepost.engine.state.Store;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies commands one at a time, each in one transaction: the command, every follow-up step it
 * causes and its events commit together or not at all. What the command made observable (jobs to
 * hand out, instances that ended) is passed on only after the commit.
 */
public final class CommandExecutor {

  /** What a committed command tells the rest of the engine. */
  public interface Effects {
    void afterCommit(Set<String> availableJobTypes, List<Long> endedProcessInstances);
  }

  private final Store store;
  private final KeyGenerator keys;
  private final Clock clock;
  private final JsonMapper json;
  private final ProcessRepository processes;
  private final ExpressionLanguage expressions;
  private final VariableCodec codec;
  private final Effects effects;
  private final ReentrantLock lock = new ReentrantLock(true);

  public CommandExecutor(Store store, KeyGenerator keys, Clock clock, JsonMapper json, ProcessRepository processes,
      ExpressionLanguage expressions, Effects effects) {
    this.store = store;
    this.keys = keys;
    this.clock = clock;
    this.json = json;
    this.processes = processes;
    this.expressions = expressions;
    this.codec = new VariableCodec(json);
    this.effects = effects;
  }

  public <T> T execute(Function<BpmnBehaviors, T> command) {
    ProcessingContext[] processed = new ProcessingContext[1];
    T result;
    lock.lock();
    try {
      result = store.inTransaction(sql -> {
        EngineState state = new EngineState(sql, json, keys::nextKey, clock.millis());
        ProcessingContext context = new ProcessingContext(state, processes, expressions, codec, keys::nextKey);
        T value = command.apply(new BpmnBehaviors(context));
        context.drain();
        state.flushEvents();
        processed[0] = context;
        return value;
      });
    } finally {
      lock.unlock();
    }
    effects.afterCommit(processed[0].availableJobTypes(), processed[0].endedProcessInstances());
    return result;
  }
}
