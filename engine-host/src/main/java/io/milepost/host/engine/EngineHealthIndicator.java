package io.milepost.host.engine;

import io.milepost.engine.api.Engine;
import io.milepost.engine.api.EngineInfo;
import io.milepost.engine.api.EngineStatus;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessDefinitionFilter;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * UP when the engine's writer is applying commands and its store answers; DOWN when either is gone (a store
 * that answers reads says nothing about a writer that has stopped), or while the store cannot write (a full
 * disk, a database restarting: the engine retries by itself and health turns UP once a write commits), or while
 * the H2 store's disk is below {@code milepost.engine.min-free-disk} (UP by itself once space is freed). The engine
 * bean is created (and the models of {@code milepost.bpmn-dir} deployed) before the web server opens, so UP means
 * commands are accepted.
 */
@Component
final class EngineHealthIndicator implements HealthIndicator {

  private final Engine engine;

  EngineHealthIndicator(Engine engine) {
    this.engine = engine;
  }

  @Override
  public Health health() {
    try {
      EngineInfo info = engine.info();
      EngineStatus status = engine.status();
      if (!status.writing()) {
        return Health.down().withDetail("nodeId", info.nodeId())
            .withDetail("writer", "stopped: commands are not being applied").build();
      }
      if (status.diskShortage().isPresent()) {
        return Health.down().withDetail("nodeId", info.nodeId()).withDetail("disk", status.diskShortage().get())
            .build();
      }
      if (status.storeWriteFailure().isPresent()) {
        return Health.down().withDetail("nodeId", info.nodeId())
            .withDetail("store", "cannot write " + status.storeWriteFailure().get()
                + " (commands are refused as retryable; the engine tries again by itself)").build();
      }
      long definitions = engine.queries()
          .searchProcessDefinitions(ProcessDefinitionFilter.all(), PageRequest.first(1)).totalItems();
      return Health.up()
          .withDetail("nodeId", info.nodeId())
          .withDetail("version", info.version())
          .withDetail("processDefinitions", definitions)
          .withDetail("queuedCommands", status.queuedCommands())
          .build();
    } catch (RuntimeException e) {
      return Health.down(e).build();
    }
  }
}
