package io.milepost.engine;

import io.milepost.engine.api.EngineMetrics;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * How to run an engine.
 *
 * @param dataSource the store (H2 or PostgreSQL); the engine migrates its schema with Flyway
 * @param clock the engine's only source of time; tests pass a clock they control
 * @param dueWorkInterval how often a background thread fires due timers, job time-outs and
 *     back-offs; {@code null} for none (tests call {@code processDueWork()} themselves)
 * @param nodeId the name this node reports in the topology
 * @param metrics told about committed commands and handed-out jobs ({@link EngineMetrics#NONE} for nothing)
 */
public record EngineConfiguration(DataSource dataSource, Clock clock, Duration dueWorkInterval, String nodeId,
    EngineMetrics metrics) {

  public EngineConfiguration(DataSource dataSource, Clock clock, Duration dueWorkInterval, String nodeId) {
    this(dataSource, clock, dueWorkInterval, nodeId, EngineMetrics.NONE);
  }

  public static EngineConfiguration of(DataSource dataSource) {
    return new EngineConfiguration(dataSource, Clock.systemUTC(), Duration.ofMillis(100), "milepost-0");
  }

  public EngineConfiguration withClock(Clock newClock) {
    return new EngineConfiguration(dataSource, newClock, dueWorkInterval, nodeId, metrics);
  }

  public EngineConfiguration withDueWorkInterval(Duration interval) {
    return new EngineConfiguration(dataSource, clock, interval, nodeId, metrics);
  }

  public EngineConfiguration withMetrics(EngineMetrics newMetrics) {
    return new EngineConfiguration(dataSource, clock, dueWorkInterval, nodeId, newMetrics);
  }
}
