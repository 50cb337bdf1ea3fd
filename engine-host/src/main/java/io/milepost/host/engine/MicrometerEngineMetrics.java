package io.milepost.host.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.milepost.engine.api.EngineMetrics;
import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.IncidentFilter;
import io.milepost.engine.api.IncidentState;
import io.milepost.engine.api.PageRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's figures as Micrometer meters (scraped at {@code /actuator/prometheus} as
 * {@code milepost_engine_*}): commands by outcome, the time from a command's submission to its answer and the part
 * of it spent queued, the commit time of a batch of commands, the time of the checkpoints that make the commits
 * durable on H2, the commands
 * queued behind the writer, jobs activated by requests and pushed to streams per job type, open incidents, process
 * instances deleted by the history retention.
 */
final class MicrometerEngineMetrics implements EngineMetrics {

  private final MeterRegistry registry;
  private final Counter accepted;
  private final Counter rejected;
  private final Counter failed;
  private final Timer commit;
  private final Timer checkpoint;
  private final Timer commandQueued;
  private final Timer command;
  private final Counter historyDeleted;
  private final AtomicInteger queued = new AtomicInteger();

  MicrometerEngineMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.accepted = commands("accepted");
    this.rejected = commands("rejected");
    this.failed = commands("failed");
    this.commit = histogram("milepost.engine.commit",
        "From a batch's first command to its commit (commands share one transaction)");
    this.checkpoint = histogram("milepost.engine.checkpoint",
        "On H2: one checkpoint that makes the batches committed before it durable, before their commands are "
            + "answered (writing the file, forcing it, waiting for H2's compaction)");
    this.commandQueued = histogram("milepost.engine.command.queued",
        "From a command's submission to the start of the batch that applies it (waiting for the writer)");
    this.command = histogram("milepost.engine.command",
        "From a command's submission to its answer: queued, applied and committed with its batch and, on H2, made "
            + "durable by a checkpoint");
    this.historyDeleted = Counter.builder("milepost.engine.history.deleted")
        .description("Process instances deleted with all their history because their root ended longer ago than "
            + "milepost.engine.history-retention")
        .baseUnit("instances")
        .register(registry);
    Gauge.builder("milepost.engine.queue", queued, AtomicInteger::get)
        .description("Commands waiting behind the writer when its last batch started")
        .baseUnit("commands")
        .register(registry);
  }

  /** A timer with a histogram, for quantiles from 1 ms to 10 s in Prometheus. */
  private Timer histogram(String name, String description) {
    return Timer.builder(name)
        .description(description)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
  }

  /** Open incidents, counted by the store at each scrape (up to the search count bound, 10,000). */
  void watchIncidents(EngineQueries queries) {
    IncidentFilter active = new IncidentFilter(null, null, null, null, IncidentState.ACTIVE, null, null);
    Gauge.builder("milepost.engine.incidents.open", queries,
            q -> q.searchIncidents(active, PageRequest.first(1)).totalItems())
        .description("Incidents not yet resolved")
        .register(registry);
  }

  @Override
  public void batchCommitted(int acceptedCommands, int rejectedCommands, Duration duration, int queuedBehind) {
    accepted.increment(acceptedCommands);
    rejected.increment(rejectedCommands);
    commit.record(duration);
    queued.set(queuedBehind);
  }

  @Override
  public void checkpointed(int commands, Duration duration) {
    checkpoint.record(duration);
  }

  @Override
  public void commandAnswered(Duration queuedFor, Duration total) {
    commandQueued.record(queuedFor);
    command.record(total);
  }

  @Override
  public void batchFailed(int commands) {
    failed.increment(commands);
  }

  @Override
  public void historyDeleted(int processInstances) {
    historyDeleted.increment(processInstances);
  }

  @Override
  public void jobsActivated(String jobType, int count) {
    jobs("milepost.engine.jobs.activated", "Jobs handed to activation requests (REST and gRPC long polls)", jobType).increment(count);
  }

  @Override
  public void jobsPushed(String jobType, int count) {
    jobs("milepost.engine.jobs.pushed", "Jobs pushed to job streams (gRPC StreamActivatedJobs)", jobType).increment(count);
  }

  private Counter commands(String outcome) {
    return Counter.builder("milepost.engine.commands")
        .description("Commands applied (accepted), refused (rejected) or lost with a failed commit (failed)")
        .tag("outcome", outcome)
        .register(registry);
  }

  private Counter jobs(String name, String description, String jobType) {
    return Counter.builder(name).description(description).tag("jobType", jobType).register(registry);
  }
}
