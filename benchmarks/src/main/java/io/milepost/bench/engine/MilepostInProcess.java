package io.milepost.bench.engine;

import com.zaxxer.hikari.HikariDataSource;
import io.milepost.bench.harness.InstanceTracker;
import io.milepost.bench.harness.JvmProbe;
import io.milepost.bench.harness.StoreKind;
import io.milepost.bench.harness.Workload;
import io.milepost.engine.EngineConfiguration;
import io.milepost.engine.MilepostEngine;
import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.DeploymentResource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Milepost through its Java API, workers in the same JVM: per job type a few threads that activate up to
 * 32 jobs and complete them one by one, and wait for the engine's job-availability signal when there
 * are none (the in-process counterpart of the REST long poll).
 */
public final class MilepostInProcess implements EngineAdapter {

  private static final int MAX_JOBS = 32;

  private final List<Thread> workers = new ArrayList<>();
  private final Map<String, Signal> signals = new ConcurrentHashMap<>();
  private HikariDataSource dataSource;
  private MilepostEngine engine;
  private Workload workload;
  private volatile boolean running = true;

  @Override
  public void start(BenchContext context, InstanceTracker tracker) {
    workload = context.workload();
    dataSource = StoreKind.pool(context.jdbcUrl(), StoreKind.POOL_SIZE);
    engine = MilepostEngine.start(EngineConfiguration.of(dataSource));
    String xml = context.models().camunda(workload);
    engine.deploy(List.of(new DeploymentResource(workload.processId() + ".bpmn", xml.getBytes(StandardCharsets.UTF_8))));
    engine.addJobAvailabilityListener(type -> signal(type).bump());
    JobCounter counter = new JobCounter(workload.jobsPerInstance(), tracker);
    for (String type : workload.jobTypes()) {
      for (int i = 0; i < context.workerThreadsPerType(); i++) {
        Thread worker = Thread.ofPlatform().name("worker-" + type + "-" + i).daemon()
            .start(() -> work(type, counter));
        workers.add(worker);
      }
    }
  }

  /** The engine, for probes that go past the adapter (the growth run). */
  public MilepostEngine engine() {
    return engine;
  }

  private void work(String type, JobCounter counter) {
    Map<String, Object> result = workload.resultVariables(type);
    Signal signal = signal(type);
    while (running) {
      long seen = signal.version();
      List<ActivatedJob> jobs = engine.activateJobs(new ActivateJobs(type, "bench", Duration.ofMinutes(5), MAX_JOBS,
          List.of()));
      if (jobs.isEmpty()) {
        signal.awaitChange(seen, 100);
        continue;
      }
      for (ActivatedJob job : jobs) {
        engine.completeJob(job.key(), result);
        counter.completed(job.processInstanceKey());
      }
    }
  }

  private Signal signal(String type) {
    return signals.computeIfAbsent(type, t -> new Signal());
  }

  @Override
  public Object startInstance(int n) {
    return engine.createProcessInstance(CreateProcessInstance.latest(workload.processId(), workload.startVariables(n)))
        .processInstanceKey();
  }

  @Override
  public long completedInStore() {
    // an exact count from the store: a search's totalItems stops at JdbcEngineQueries.MAX_TOTAL_ITEMS
    try (Connection connection = dataSource.getConnection(); PreparedStatement count = connection.prepareStatement(
        "SELECT COUNT(*) FROM process_instance WHERE bpmn_process_id = ? AND state = 'COMPLETED'")) {
      count.setString(1, workload.processId());
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to count the completed instances in the store, but: " + e, e);
    }
  }

  @Override
  public List<JvmProbe> jvms() {
    return List.of(JvmProbe.local("bench JVM (engine and workers)"));
  }

  @Override
  public void close() {
    running = false;
    signals.values().forEach(Signal::bump);
    for (Thread worker : workers) {
      try {
        worker.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (engine != null) {
      engine.close();
    }
    if (dataSource != null) {
      dataSource.close();
    }
  }

  /** A version number that job-availability notifications bump; workers wait for it to change. */
  private static final class Signal {
    private long version;

    synchronized long version() {
      return version;
    }

    synchronized void bump() {
      version++;
      notifyAll();
    }

    synchronized void awaitChange(long seen, long timeoutMillis) {
      if (version == seen) {
        try {
          wait(timeoutMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
