package io.milepost.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.EngineConfiguration;
import io.milepost.engine.MilepostEngine;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceFilter;
import io.milepost.engine.api.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 closes its database underneath the engine (as it does after a failed write, e.g. on a full disk; here by
 * {@code SHUTDOWN IMMEDIATELY} from another connection): the next command is refused as retryable, the engine says
 * its store cannot write, reopens the database by itself without any command, and takes commands again. Runs
 * everywhere (the disk-full case itself is engine-host's H2DiskFullTest, which needs root for its tmpfs).
 */
class ClosedDatabaseRecoveryTest {

  /** A hang guard: the writer tries a write once a second while the store cannot write. */
  private static final Duration RECOVERY = Duration.ofSeconds(30);

  @TempDir
  Path dataDir;

  @ParameterizedTest(name = "journaled: {0}")
  @ValueSource(booleans = {false, true})
  void shouldRefuseRetryablyAndReopenTheDatabaseByItselfAfterH2ClosedIt(boolean journaled) throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:" + dataDir.resolve("milepost") + ";DB_CLOSE_ON_EXIT=FALSE");
    try (MilepostEngine engine = MilepostEngine.start(new EngineConfiguration(
        journaled ? new JournalingDataSource(dataSource) : dataSource, Clock.systemUTC(), null, "test"))) {
      // given an engine that took a command (journaled: H2's file need not hold it yet, the journal does)
      engine.deploy(List.of(new DeploymentResource("p.bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess("p")
          .startEvent().serviceTask("task", t -> t.zeebeJobType("work")).endEvent().done())
          .getBytes(StandardCharsets.UTF_8))));
      long before = create(engine);

      // when H2 closes the database underneath its connections
      shutDownImmediately(dataSource);

      // then the next command is refused as retryable, and the engine says its store cannot write
      assertThatThrownBy(() -> create(engine)).isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("retry it");
      assertThat(engine.status().storeWriteFailure()).isPresent();

      // and without any command it finds by itself that the reopened database writes again
      long deadline = System.nanoTime() + RECOVERY.toNanos();
      while (engine.status().storeWriteFailure().isPresent() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(engine.status().storeWriteFailure()).as("the store writes again within " + RECOVERY).isEmpty();
      long after = create(engine);

      // and the store holds exactly what was acknowledged (journaled: brought back from the journal on reopening)
      assertThat(engine.queries().searchProcessInstances(ProcessInstanceFilter.all(), PageRequest.first(100)).items())
          .extracting(instance -> instance.key()).containsExactlyInAnyOrder(before, after);
    }
  }

  private static long create(MilepostEngine engine) {
    return engine.createProcessInstance(CreateProcessInstance.latest("p", Map.of())).processInstanceKey();
  }

  private static void shutDownImmediately(JdbcDataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN IMMEDIATELY");
    }
  }
}
