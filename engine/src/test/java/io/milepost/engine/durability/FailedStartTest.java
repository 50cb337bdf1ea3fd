package io.milepost.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.EngineConfiguration;
import io.milepost.engine.MilepostEngine;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.state.JournalingDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that fails after the store opened (here: the database refuses the starting thread's next connection, the
 * one the key generator keeps) stops what it had started: no page-store thread keeps storing pages through the
 * failed start's data source and no journal stays open on the data directory, so a start after it on the same data
 * runs as the only one.
 */
class FailedStartTest {

  private static final Set<String> ENGINE_THREADS =
      Set.of("milepost-page-store", "milepost-writer", "milepost-checkpoint", "milepost-due-work");

  @TempDir
  Path dataDir;

  @Test
  void shouldStopWhatItStartedWhenTheStartFailsAfterTheStoreOpened() throws Exception {
    Set<Thread> before = engineThreads();
    Thread starter = Thread.currentThread();
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:" + dataDir.resolve("milepost") + ";DB_CLOSE_ON_EXIT=FALSE");
    DataSource refusing = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
          if (method.getName().equals("getConnection") && Thread.currentThread() == starter
              && engineThreadsBut(before).contains("milepost-page-store")) {
            throw new SQLException("Connection refused (the test's database after the store opened)");
          }
          try {
            return method.invoke(h2, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });

    assertThatThrownBy(() -> MilepostEngine.start(configuration(refusing)))
        .hasStackTraceContaining("Connection refused (the test's database after the store opened)");

    assertThat(engineThreadsBut(before)).as("engine threads left running by the failed start").isEmpty();
    try (MilepostEngine engine = MilepostEngine.start(configuration(h2))) {
      engine.deploy(List.of(new DeploymentResource("p.bpmn", Bpmn.convertToString(
          Bpmn.createExecutableProcess("p").startEvent().endEvent().done()).getBytes(StandardCharsets.UTF_8))));
      assertThat(engine.createProcessInstance(CreateProcessInstance.latest("p", Map.of())).processInstanceKey())
          .isPositive();
      assertThat(engineThreadsBut(before)).as("the second start's threads, one of each")
          .contains("milepost-page-store", "milepost-writer");
      assertThat(engineThreads().stream().filter(t -> !before.contains(t))
          .filter(t -> t.getName().equals("milepost-page-store"))).hasSize(1);
    }
  }

  private static EngineConfiguration configuration(DataSource h2) {
    return new EngineConfiguration(new JournalingDataSource(h2), Clock.systemUTC(), null, "test");
  }

  /** The names of the engine's threads alive now that were not alive in {@code before}. */
  private static Set<String> engineThreadsBut(Set<Thread> before) {
    return engineThreads().stream().filter(t -> !before.contains(t)).map(Thread::getName).collect(Collectors.toSet());
  }

  private static Set<Thread> engineThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> ENGINE_THREADS.contains(t.getName()))
        .filter(Thread::isAlive).collect(Collectors.toSet());
  }
}
