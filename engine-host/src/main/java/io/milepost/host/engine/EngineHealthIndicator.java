package io.milepost.host.engine;

import io.milepost.engine.api.Engine;
import io.milepost.engine.api.EngineInfo;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessDefinitionFilter;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * UP when the engine is started and its store answers. The engine bean is created (and the models
 * of {@code milepost.bpmn-dir} deployed) before the web server opens, so UP means commands are accepted.
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
      long definitions = engine.queries()
          .searchProcessDefinitions(ProcessDefinitionFilter.all(), PageRequest.first(1)).totalItems();
      return Health.up()
          .withDetail("nodeId", info.nodeId())
          .withDetail("version", info.version())
          .withDetail("processDefinitions", definitions)
          .build();
    } catch (RuntimeException e) {
      return Health.down(e).build();
    }
  }
}
