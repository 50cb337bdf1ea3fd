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
 * {@code milepost.random.base-seed} and {@code milepost.random.models} choose the run.
 */
class RandomizedEngineTest {

  private static final int MODEL_BUDGET = 14;
  /** Instances (each with its own random commands) per generated model: deploying costs more than running. */
  private static final int RUNS_PER_MODEL = 4;

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
      new CaseRunner(engine, Long.parseLong(replay), 0).run(MODEL_BUDGET, RUNS_PER_MODEL);
      return;
    }
    long baseSeed = Long.getLong("milepost.random.base-seed", System.nanoTime());
    int models = Integer.getInteger("milepost.random.models", 600);
    System.out.println("Randomized engine test: base seed " + baseSeed + ", " + models + " models x " + RUNS_PER_MODEL
        + " command sequences (replay one model with -Dmilepost.random.seed=<its seed>)");
    long started = System.nanoTime();
    long cpuStarted = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    long commands = 0;
    for (int i = 0; i < models; i++) {
      commands += new CaseRunner(engine, baseSeed + i, i).run(MODEL_BUDGET, RUNS_PER_MODEL);
    }
    System.out.printf("Randomized engine test: %d cases, %d commands in %d ms (%d ms CPU)%n", models * RUNS_PER_MODEL,
        commands, (System.nanoTime() - started) / 1_000_000,
        (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted) / 1_000_000);
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
