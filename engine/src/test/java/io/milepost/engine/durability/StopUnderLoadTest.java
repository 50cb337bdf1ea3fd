package io.milepost.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.EngineConfiguration;
import io.milepost.engine.MilepostEngine;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceFilter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping under full load: close answers or refuses every queued command, leaves no batch half-applied,
 * and a restart on the same store shows every acknowledged command and nothing else.
 */
class StopUnderLoadTest {

  /** A hang guard only: close itself waits for at most the batch in progress. */
  private static final Duration HANG = Duration.ofSeconds(60);

  @TempDir
  Path dataDir;

  @Test
  void shouldStopUnderLoadKeepingExactlyTheAcknowledgedCommands() throws Exception {
    // given an engine on an H2 file store, flooded by eight callers
    String url = "jdbc:h2:" + dataDir.resolve("milepost");
    MilepostEngine engine = MilepostEngine.start(configuration(url));
    engine.deploy(List.of(new DeploymentResource("p.bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess("p")
        .startEvent().serviceTask("task", t -> t.zeebeJobType("work")).endEvent().done())
        .getBytes(StandardCharsets.UTF_8))));
    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger refused = new AtomicInteger();
    List<Thread> callers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      callers.add(Thread.ofPlatform().start(() -> {
        while (true) {
          try {
            acknowledged.add(engine.createProcessInstance(CreateProcessInstance.latest("p", Map.of())).processInstanceKey());
          } catch (RuntimeException closedOrRefused) {
            if (refused.incrementAndGet() > 0 && !engine.status().writing()) {
              return;
            }
          }
        }
      }));
    }
    while (acknowledged.size() < 300) {
      Thread.onSpinWait();
    }

    // when it stops in the middle of it
    assertTimeoutPreemptively(HANG, () -> {
      engine.close();
      for (Thread caller : callers) {
        caller.join();
      }
    });

    // then a restart on the same store shows exactly the acknowledged instances
    try (MilepostEngine restarted = MilepostEngine.start(configuration(url))) {
      List<Long> stored = new ArrayList<>();
      var page = restarted.queries().searchProcessInstances(ProcessInstanceFilter.all(), new PageRequest(0, 10_000, false));
      page.items().forEach(instance -> stored.add(instance.key()));
      assertThat(stored).containsExactlyInAnyOrderElementsOf(acknowledged);
      // and it works on as before
      assertThat(restarted.createProcessInstance(CreateProcessInstance.latest("p", Map.of())).processInstanceKey())
          .isPositive();
    }
  }

  private static EngineConfiguration configuration(String url) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    return new EngineConfiguration(dataSource, Clock.systemUTC(), null, "stop-under-load");
  }
}
