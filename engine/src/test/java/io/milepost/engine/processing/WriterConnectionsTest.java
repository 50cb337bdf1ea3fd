package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.EngineConfiguration;
import io.milepost.engine.MilepostEngine;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.ProcessInstanceResult;
import io.milepost.engine.testing.BoundedPool;
import io.milepost.engine.testing.ControlledClock;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Requests that hold every pooled connection must not stall the writer. */
class WriterConnectionsTest {

  @Test
  void shouldKeepApplyingCommandsWhileRequestsHoldEveryPooledConnection() throws Exception {
    // given an engine on a pool of 4 connections
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:pool-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    BoundedPool pool = new BoundedPool(h2, 4);
    try (MilepostEngine engine = MilepostEngine.start(new EngineConfiguration(pool,
        new ControlledClock(Instant.parse("2026-11-26T08:00:00Z")), null, "test"))) {
      deploy(engine, Bpmn.convertToString(Bpmn.createExecutableProcess("straight").startEvent().endEvent().done()));
      deploy(engine, Bpmn.convertToString(Bpmn.createExecutableProcess("task").startEvent()
          .serviceTask("t", t -> t.zeebeJobType("work")).endEvent().done()));

      // when requests hold every free connection
      List<Connection> held = pool.takeAllFree();
      CompletableFuture<ProcessInstanceResult> result =
          engine.createProcessInstanceWithResult(CreateProcessInstance.latest("straight", Map.of("orderId", "o-1")));

      // then commands go on, past the next block of keys, and the result waits for a connection instead of the writer
      assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
        for (int i = 0; i < 3_000; i++) {
          engine.createProcessInstance(CreateProcessInstance.latest("task", Map.of()));
        }
      });
      for (Connection connection : held) {
        connection.close();
      }
      assertThat(result.get(60, java.util.concurrent.TimeUnit.SECONDS).variables()).containsEntry("orderId", "o-1");
    }
  }

  private static void deploy(MilepostEngine engine, String xml) {
    engine.deploy(List.of(new DeploymentResource(UUID.randomUUID() + ".bpmn", xml.getBytes(StandardCharsets.UTF_8))));
  }
}
