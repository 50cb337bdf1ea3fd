package io.milepost.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.EngineConfiguration;
import io.milepost.engine.MilepostEngine;
import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.H2CommitDurability;
import io.milepost.engine.api.ProcessInstanceState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged command survives a power cut on the default H2 store: the store is read back as the
 * device would hold it, with only what was forced to it, and every acknowledged command is there.
 */
class PowerCutTest {

  @TempDir
  Path dataDir;

  @Test
  void shouldKeepEveryAcknowledgedCommandThroughAPowerCut() throws Exception {
    // given an engine whose store's file system remembers what was forced to the device
    PowerCutFileSystem.register();
    List<Long> started = new ArrayList<>();
    List<Long> completed = new ArrayList<>();
    MilepostEngine engine = MilepostEngine.start(configuration("jdbc:h2:powercut:" + dataDir.resolve("live")));
    engine.deploy(List.of(new DeploymentResource("p.bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess("p")
        .startEvent().serviceTask("task", t -> t.zeebeJobType("work")).endEvent().done())
        .getBytes(StandardCharsets.UTF_8))));

    // when commands are acknowledged
    for (int i = 0; i < 40; i++) {
      started.add(engine.createProcessInstance(CreateProcessInstance.latest("p", Map.of("i", i))).processInstanceKey());
    }
    for (ActivatedJob job : engine.activateJobs(new ActivateJobs("work", "w", Duration.ofMinutes(5), 20, List.of()))) {
      engine.completeJob(job.key(), Map.of());
      completed.add(job.processInstanceKey());
    }
    // and the power goes before anything else reaches the device
    PowerCutFileSystem.afterPowerCut(dataDir.resolve("live.mv.db"), dataDir.resolve("device.mv.db"));
    engine.close();

    // then the store as the device holds it has all of them
    try (MilepostEngine restarted = MilepostEngine.start(configuration("jdbc:h2:" + dataDir.resolve("device")))) {
      for (long instance : started) {
        assertThat(restarted.queries().processInstance(instance)).as("acknowledged instance %d", instance).isPresent();
      }
      for (long instance : completed) {
        assertThat(restarted.queries().processInstance(instance).orElseThrow().state())
            .as("instance %d whose job completion was acknowledged", instance).isEqualTo(ProcessInstanceState.COMPLETED);
      }
    }
  }

  @Test
  void shouldLoseAcknowledgedCommandsThroughAPowerCutWhenCommitsOnlySurviveAProcessKill() throws Exception {
    // given an engine set to write commits to the file without forcing them to the device
    PowerCutFileSystem.register();
    MilepostEngine engine = MilepostEngine.start(configuration("jdbc:h2:powercut:" + dataDir.resolve("live"))
        .withH2CommitDurability(H2CommitDurability.PROCESS_KILL));
    engine.deploy(List.of(new DeploymentResource("p.bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess("p")
        .startEvent().endEvent().done()).getBytes(StandardCharsets.UTF_8))));
    long acknowledged = engine.createProcessInstance(CreateProcessInstance.latest("p", Map.of())).processInstanceKey();

    // when the power goes before the operating system wrote its cache to the device
    PowerCutFileSystem.afterPowerCut(dataDir.resolve("live.mv.db"), dataDir.resolve("device.mv.db"));
    engine.close();

    // then the device does not hold the acknowledged instance: what the setting trades for cheaper commits
    try (MilepostEngine restarted = MilepostEngine.start(configuration("jdbc:h2:" + dataDir.resolve("device")))) {
      assertThat(restarted.queries().processInstance(acknowledged)).as("acknowledged instance %d", acknowledged)
          .isEmpty();
    }
  }

  private static EngineConfiguration configuration(String url) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    return new EngineConfiguration(dataSource, Clock.systemUTC(), null, "power-cut");
  }
}
