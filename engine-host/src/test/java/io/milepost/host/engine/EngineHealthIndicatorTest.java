package io.milepost.host.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.milepost.engine.EngineConfiguration;
import io.milepost.engine.MilepostEngine;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Health follows the writer, not only the store, and whether the store can write. */
class EngineHealthIndicatorTest {

  @TempDir
  Path dataDir;

  @Test
  void shouldGoDownWhenTheWriterHasStoppedThoughTheStoreStillAnswers() {
    // given a running engine
    JdbcDataSource store = new JdbcDataSource();
    store.setURL("jdbc:h2:mem:health-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    MilepostEngine engine = MilepostEngine.start(EngineConfiguration.of(store));
    EngineHealthIndicator indicator = new EngineHealthIndicator(engine);
    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

    // when its writer stops (the store keeps answering reads)
    engine.close();

    // then
    Health health = indicator.health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("writer", "stopped: commands are not being applied");
    assertThat(engine.queries().processInstance(1L)).isEmpty();
  }

  @Test
  void shouldGoDownWhileTheStoreCannotWriteAndUpOnceItWritesAgain() throws Exception {
    // given a running engine on an H2 file, without due work: a due-work command that met the closed database
    // first would take the failure, and the create after it would open the database again and succeed (CI saw it)
    JdbcDataSource store = new JdbcDataSource();
    store.setURL("jdbc:h2:" + dataDir.resolve("health") + ";DB_CLOSE_ON_EXIT=FALSE");
    try (MilepostEngine engine = MilepostEngine.start(EngineConfiguration.of(store).withDueWorkInterval(null))) {
      EngineHealthIndicator indicator = new EngineHealthIndicator(engine);
      engine.deploy(List.of(new DeploymentResource("health.bpmn", Bpmn.convertToString(
          Bpmn.createExecutableProcess("health").startEvent().userTask("wait").endEvent().done())
          .getBytes(StandardCharsets.UTF_8))));

      // when H2 closes the database underneath (as after a failed write) and a command that writes meets it
      try (Connection connection = store.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("SHUTDOWN IMMEDIATELY");
      }
      assertThatThrownBy(() -> engine.createProcessInstance(CreateProcessInstance.latest("health", Map.of())))
          .isInstanceOf(StoreUnavailableException.class);

      // then health is DOWN, saying the store cannot write, and UP once the engine's write probe commits again
      Health down = indicator.health();
      assertThat(down.getStatus()).isEqualTo(Status.DOWN);
      assertThat(down.getDetails().get("store")).asString().startsWith("cannot write since");
      await("health UP again").atMost(Duration.ofSeconds(30))
          .until(() -> indicator.health().getStatus().equals(Status.UP));
    }
  }
}
