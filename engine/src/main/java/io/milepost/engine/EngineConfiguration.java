package io.milepost.engine;

import io.milepost.engine.api.BusinessIdPaths;
import io.milepost.engine.api.CommandAdmission;
import io.milepost.engine.api.DiskWatermark;
import io.milepost.engine.api.EngineMetrics;
import io.milepost.engine.api.H2CommitDurability;
import io.milepost.engine.expression.ExpressionLimits;
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
 * @param commandTimeout how long a caller waits for a command before it gets
 *     {@link io.milepost.engine.api.CommandTimeoutException} (and the command, if not started, is dropped)
 * @param expressionLimits how much time and memory one FEEL evaluation may take before it becomes an incident
 * @param admission back-pressure: when commands that bring new work are refused
 * @param businessIdPaths where the ids instances are searched by are found in their variables (none by default)
 * @param h2CommitDurability on H2, whether an acknowledged command survives a power cut (the default) or only
 *     the engine's process being killed (cheaper commits); ignored on PostgreSQL
 * @param diskWatermark below how much free space on the H2 store's disk commands are refused
 * @param historyRetention how long a process instance is kept after its root instance ended (completed or
 *     terminated); then it is deleted with everything the engine keeps of it (see {@link HistoryRetention})
 */
public record EngineConfiguration(DataSource dataSource, Clock clock, Duration dueWorkInterval, String nodeId,
    EngineMetrics metrics, Duration commandTimeout, ExpressionLimits expressionLimits, CommandAdmission admission,
    BusinessIdPaths businessIdPaths, H2CommitDurability h2CommitDurability, DiskWatermark diskWatermark,
    Duration historyRetention) {

  /** Long: it is there so that callers of a writer that stopped get an answer, not to hurry a slow machine. */
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMinutes(2);

  /** As long as Camunda 8 keeps history by default: a month to look back at what happened to an order. */
  public static final Duration DEFAULT_HISTORY_RETENTION = Duration.ofDays(30);

  public EngineConfiguration {
    if (dueWorkInterval != null && dueWorkInterval.toMillis() < 1) {
      // refused here, before the store and the writer start: the scheduler takes whole milliseconds above 0
      throw new IllegalArgumentException("Expected a due-work interval of at least 1 ms (or none), but it was "
          + dueWorkInterval);
    }
    if (historyRetention == null || historyRetention.isNegative() || historyRetention.isZero()) {
      throw new IllegalArgumentException("Expected a history retention of more than 0 (e.g. 30d or P30D), but it was "
          + historyRetention);
    }
  }

  public EngineConfiguration(DataSource dataSource, Clock clock, Duration dueWorkInterval, String nodeId) {
    this(dataSource, clock, dueWorkInterval, nodeId, EngineMetrics.NONE);
  }

  public EngineConfiguration(DataSource dataSource, Clock clock, Duration dueWorkInterval, String nodeId,
      EngineMetrics metrics) {
    this(dataSource, clock, dueWorkInterval, nodeId, metrics, DEFAULT_COMMAND_TIMEOUT, ExpressionLimits.DEFAULTS,
        CommandAdmission.DEFAULTS, BusinessIdPaths.NONE, H2CommitDurability.POWER_CUT, DiskWatermark.DEFAULT,
        DEFAULT_HISTORY_RETENTION);
  }

  public static EngineConfiguration of(DataSource dataSource) {
    return new EngineConfiguration(dataSource, Clock.systemUTC(), Duration.ofMillis(100), "milepost-0");
  }

  public EngineConfiguration withClock(Clock newClock) {
    return new EngineConfiguration(dataSource, newClock, dueWorkInterval, nodeId, metrics, commandTimeout,
        expressionLimits, admission, businessIdPaths, h2CommitDurability, diskWatermark, historyRetention);
  }

  public EngineConfiguration withDueWorkInterval(Duration interval) {
    return new EngineConfiguration(dataSource, clock, interval, nodeId, metrics, commandTimeout, expressionLimits,
        admission, businessIdPaths, h2CommitDurability, diskWatermark, historyRetention);
  }

  public EngineConfiguration withMetrics(EngineMetrics newMetrics) {
    return new EngineConfiguration(dataSource, clock, dueWorkInterval, nodeId, newMetrics, commandTimeout,
        expressionLimits, admission, businessIdPaths, h2CommitDurability, diskWatermark, historyRetention);
  }

  public EngineConfiguration withCommandTimeout(Duration timeout) {
    return new EngineConfiguration(dataSource, clock, dueWorkInterval, nodeId, metrics, timeout, expressionLimits,
        admission, businessIdPaths, h2CommitDurability, diskWatermark, historyRetention);
  }

  public EngineConfiguration withAdmission(CommandAdmission newAdmission) {
    return new EngineConfiguration(dataSource, clock, dueWorkInterval, nodeId, metrics, commandTimeout,
        expressionLimits, newAdmission, businessIdPaths, h2CommitDurability, diskWatermark, historyRetention);
  }

  public EngineConfiguration withBusinessIdPaths(BusinessIdPaths paths) {
    return new EngineConfiguration(dataSource, clock, dueWorkInterval, nodeId, metrics, commandTimeout,
        expressionLimits, admission, paths, h2CommitDurability, diskWatermark, historyRetention);
  }

  public EngineConfiguration withExpressionLimits(ExpressionLimits limits) {
    return new EngineConfiguration(dataSource, clock, dueWorkInterval, nodeId, metrics, commandTimeout, limits,
        admission, businessIdPaths, h2CommitDurability, diskWatermark, historyRetention);
  }

  public EngineConfiguration withH2CommitDurability(H2CommitDurability durability) {
    return new EngineConfiguration(dataSource, clock, dueWorkInterval, nodeId, metrics, commandTimeout,
        expressionLimits, admission, businessIdPaths, durability, diskWatermark, historyRetention);
  }

  public EngineConfiguration withDiskWatermark(DiskWatermark watermark) {
    return new EngineConfiguration(dataSource, clock, dueWorkInterval, nodeId, metrics, commandTimeout,
        expressionLimits, admission, businessIdPaths, h2CommitDurability, watermark, historyRetention);
  }

  public EngineConfiguration withHistoryRetention(Duration retention) {
    return new EngineConfiguration(dataSource, clock, dueWorkInterval, nodeId, metrics, commandTimeout,
        expressionLimits, admission, businessIdPaths, h2CommitDurability, diskWatermark, retention);
  }
}
