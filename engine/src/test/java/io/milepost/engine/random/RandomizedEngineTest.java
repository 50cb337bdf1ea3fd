package io.milepost.engine.random;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.engine.api.EngineEvent;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Property-based test of the engine: random valid models (service and user tasks, exclusive and
 * parallel gateways, embedded sub-processes, timer catch and boundary events, error boundary and end
 * events, terminate end events, multi-instance nested a few levels) driven by random commands, with
 * invariants and the model's expectations checked after every command.
 *
 * <p>System properties: {@code milepost.random.seed} replays one case (the seed a failure prints);
 * {@code milepost.random.base-seed} and {@code milepost.random.cases} choose the run.
 */
class RandomizedEngineTest {

  private static final int MODEL_BUDGET = 14;

  private EngineUnderTest engine;

  @BeforeEach
  void startEngine() {
    engine = new EngineUnderTest();
  }

  @AfterEach
  void stopEngine() {
    engine.close();
  }

  @Test
  void shouldKeepEveryInvariantForRandomModelsAndCommands() {
    String replay = System.getProperty("milepost.random.seed");
    if (replay != null) {
      new CaseRunner(engine, Long.parseLong(replay), 0).run(MODEL_BUDGET);
      return;
    }
    long baseSeed = Long.getLong("milepost.random.base-seed", System.nanoTime());
    int cases = Integer.getInteger("milepost.random.cases", 2000);
    System.out.println("Randomized engine test: base seed " + baseSeed + ", " + cases + " cases "
        + "(replay one case with -Dmilepost.random.seed=<seed of the case>)");
    long started = System.nanoTime();
    long commands = 0;
    for (int i = 0; i < cases; i++) {
      commands += new CaseRunner(engine, baseSeed + i, i).run(MODEL_BUDGET);
    }
    System.out.printf("Randomized engine test: %d cases, %d commands in %d ms%n", cases, commands,
        (System.nanoTime() - started) / 1_000_000);
    eventLogPositionsIncreaseAcrossInstances();
  }

  private void eventLogPositionsIncreaseAcrossInstances() {
    long position = 0;
    List<EngineEvent> page;
    while (!(page = engine.engine().queries().eventsAfter(position, 10_000)).isEmpty()) {
      for (EngineEvent event : page) {
        assertThat(event.position()).as("position after %d", position).isGreaterThan(position);
        position = event.position();
      }
    }
  }
}
