package io.milepost.engine.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.EngineConfiguration;
import io.milepost.engine.MilepostEngine;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.testing.ControlledClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Timers live in the store: one that fell due while the engine was down fires after the restart. */
class TimerAfterRestartTest {

  @Test
  void shouldFireATimerThatBecameDueWhileTheEngineWasDown() {
    // given an instance waiting a day, and an engine that stops
    JdbcDataSource store = new JdbcDataSource();
    store.setURL("jdbc:h2:mem:restart-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ControlledClock clock = new ControlledClock(Instant.parse("2026-11-26T08:00:00Z"));
    long instance;
    try (MilepostEngine engine = MilepostEngine.start(new EngineConfiguration(store, clock, null, "before"))) {
      String xml = Bpmn.convertToString(Bpmn.createExecutableProcess("retry").startEvent()
          .intermediateCatchEvent("next-day").timerWithDuration("P1D").endEvent().done());
      engine.deploy(List.of(new DeploymentResource("retry.bpmn", xml.getBytes(StandardCharsets.UTF_8))));
      instance = engine.createProcessInstance(CreateProcessInstance.latest("retry", Map.of())).processInstanceKey();
    }

    // when the engine comes back after the timer fell due
    clock.advance(Duration.ofDays(2));
    try (MilepostEngine engine = MilepostEngine.start(new EngineConfiguration(store, clock, null, "after"))) {
      engine.processDueWork();

      // then
      assertThat(engine.queries().processInstance(instance).orElseThrow().state()).isEqualTo(ProcessInstanceState.COMPLETED);
    }
  }
}
