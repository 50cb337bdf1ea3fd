package io.milepost.host.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.milepost.engine.AdjustableClock;
import io.milepost.engine.EngineConfiguration;
import io.milepost.engine.MilepostEngine;
import io.milepost.engine.api.BusinessIdPaths;
import io.milepost.engine.api.CommandAdmission;
import io.milepost.engine.api.DiskWatermark;
import io.milepost.engine.api.Engine;
import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.H2CommitDurability;
import io.milepost.engine.expression.ExpressionLimits;
import io.milepost.host.MilepostProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/** The engine on the application's DataSource, closed (before the DataSource) on shutdown. */
@Configuration(proxyBeanMethods = false)
class EngineBeans {

  /** How often the engine fires due timers, job time-outs and retry back-offs. */
  private static final Duration DUE_WORK_INTERVAL = Duration.ofMillis(100);

  /** Where the ids the operations pages search instances by are, unless the configuration says otherwise. */
  private static final List<String> DEFAULT_BUSINESS_ID_PATHS = List.of("order.orderId", "shipment.shipmentId",
      "parcel.trackingId");

  @Bean(destroyMethod = "close")
  Engine engine(DataSource dataSource, MilepostProperties properties, MeterRegistry meterRegistry,
      AdjustableClock engineClock, Environment environment, BusinessIdPaths businessIdPaths) {
    MicrometerEngineMetrics metrics = new MicrometerEngineMetrics(meterRegistry);
    EngineConfiguration configuration = new EngineConfiguration(dataSource, engineClock, DUE_WORK_INTERVAL,
        properties.nodeId(), metrics)
        .withCommandTimeout(environment.getProperty("milepost.engine.command-timeout", Duration.class,
            EngineConfiguration.DEFAULT_COMMAND_TIMEOUT))
        .withExpressionLimits(expressionLimits(environment))
        .withAdmission(admission(environment))
        .withBusinessIdPaths(businessIdPaths)
        .withH2CommitDurability(h2CommitDurability(environment))
        .withDiskWatermark(diskWatermark(environment));
    Engine engine = MilepostEngine.start(withHistoryRetention(configuration, environment));
    metrics.watchIncidents(engine.queries());
    return engine;
  }

  /** {@code milepost.engine.expression-limits.*}: each property falls back to the engine's default. */
  private static ExpressionLimits expressionLimits(Environment environment) {
    ExpressionLimits defaults = ExpressionLimits.DEFAULTS;
    String prefix = "milepost.engine.expression-limits.";
    return new ExpressionLimits(
        environment.getProperty(prefix + "time", Duration.class, defaults.time()),
        environment.getProperty(prefix + "max-items", Integer.class, defaults.maxItems()),
        environment.getProperty(prefix + "max-allocated", DataSize.class,
            DataSize.ofBytes(defaults.maxAllocatedBytes())).toBytes());
  }

  /** {@code milepost.engine.admission.*} (back-pressure): each property falls back to the engine's default. */
  private static CommandAdmission admission(Environment environment) {
    CommandAdmission defaults = CommandAdmission.DEFAULTS;
    String prefix = "milepost.engine.admission.";
    return new CommandAdmission(
        environment.getProperty(prefix + "initial-limit", Integer.class, defaults.initialLimit()),
        environment.getProperty(prefix + "min-limit", Integer.class, defaults.minLimit()),
        environment.getProperty(prefix + "max-limit", Integer.class, defaults.maxLimit()),
        environment.getProperty(prefix + "target-latency", Duration.class, defaults.targetLatency()));
  }

  /** {@code milepost.engine.h2-commit-durability}: {@code power-cut} (the default) or {@code process-kill}. */
  private static H2CommitDurability h2CommitDurability(Environment environment) {
    String property = "milepost.engine.h2-commit-durability";
    try {
      return H2CommitDurability.parse(environment.getProperty(property, "power-cut"));
    } catch (IllegalArgumentException invalid) {
      throw new IllegalArgumentException(property + ": " + invalid.getMessage(), invalid);
    }
  }

  /** {@code milepost.engine.min-free-disk}, measured on the disk of the H2 store's file (not for PostgreSQL). */
  private static DiskWatermark diskWatermark(Environment environment) {
    DataSize minFree = environment.getProperty("milepost.engine.min-free-disk", DataSize.class,
        DataSize.ofBytes(DiskWatermark.DEFAULT_MIN_FREE_BYTES));
    return new DiskWatermark(minFree.toBytes(), null);
  }

  /** {@code milepost.engine.history-retention}: how long an ended instance's history is kept (30d, P30D, 12h). */
  private static EngineConfiguration withHistoryRetention(EngineConfiguration configuration, Environment environment) {
    String property = "milepost.engine.history-retention";
    try {
      return configuration.withHistoryRetention(environment.getProperty(property, Duration.class,
          EngineConfiguration.DEFAULT_HISTORY_RETENTION));
    } catch (IllegalArgumentException invalid) {
      throw new IllegalArgumentException(property + ": " + invalid.getMessage(), invalid);
    }
  }

  /** {@code milepost.engine.business-id-paths}: {@code <variable>.<field>} each, comma-separated. */
  @Bean
  BusinessIdPaths businessIdPaths(Environment environment) {
    String[] paths = environment.getProperty("milepost.engine.business-id-paths", String[].class,
        DEFAULT_BUSINESS_ID_PATHS.toArray(String[]::new));
    try {
      return BusinessIdPaths.parse(List.of(paths));
    } catch (IllegalArgumentException invalid) {
      throw new IllegalArgumentException("milepost.engine.business-id-paths: " + invalid.getMessage(), invalid);
    }
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
