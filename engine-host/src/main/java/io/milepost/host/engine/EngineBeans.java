package io.milepost.host.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.milepost.engine.AdjustableClock;
import io.milepost.engine.EngineConfiguration;
import io.milepost.engine.MilepostEngine;
import io.milepost.engine.api.Engine;
import io.milepost.engine.api.EngineQueries;
import io.milepost.host.MilepostProperties;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine on the application's DataSource, closed (before the DataSource) on shutdown. */
@Configuration(proxyBeanMethods = false)
class EngineBeans {

  /** How often the engine fires due timers, job time-outs and retry back-offs. */
  private static final Duration DUE_WORK_INTERVAL = Duration.ofMillis(100);

  @Bean(destroyMethod = "close")
  Engine engine(DataSource dataSource, MilepostProperties properties, MeterRegistry meterRegistry,
      AdjustableClock engineClock) {
    MicrometerEngineMetrics metrics = new MicrometerEngineMetrics(meterRegistry);
    Engine engine = MilepostEngine.start(
        new EngineConfiguration(dataSource, engineClock, DUE_WORK_INTERVAL, properties.nodeId(), metrics));
    metrics.watchIncidents(engine.queries());
    return engine;
  }

  /** The system clock, moved only through the testing endpoints (milepost.testing.enabled). */
  @Bean
  AdjustableClock engineClock() {
    return new AdjustableClock(Clock.systemUTC());
  }

  @Bean
  EngineQueries engineQueries(Engine engine) {
    return engine.queries();
  }
}
