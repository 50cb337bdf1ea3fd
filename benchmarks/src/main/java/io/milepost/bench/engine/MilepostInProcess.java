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
import io.milepost.engine.api.H2CommitDurability;
import io.milepost.engine.api.JobSink;
import io.milepost.engine.api.JobStreamHandle;
import io.milepost.engine.state.JournalingDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Milepost through its Java API, workers in the same JVM: per job type one job stream
 * ({@code Engine.openJobStream}, the in-process counterpart of gRPC job streaming) feeding a queue, and
 * a few threads that complete the queued jobs one by one.
 */
public final class MilepostInProcess implements EngineAdapter {

  /**
   * Jobs queued per type before the stream says it is not ready (the engine then leaves new jobs in the store
   * until the workers catch up and resume it). High enough that a benchmark round never reaches it: every job
   * is pushed by the command that creates it, as over gRPC.
   */
  private static final int QUEUE_LIMIT = 10_000;

  private final List<Thread> workers = new ArrayList<>();
  private final List<JobStreamHandle> streams = new ArrayList<>();
  private HikariDataSource dataSource;
  private MilepostEngine engine;
  private Workload workload;
  private volatile boolean running = true;

  @Override
  public void start(BenchContext context, InstanceTracker tracker) {
    workload = context.workload();
    dataSource = StoreKind.pool(context.jdbcUrl(), StoreKind.POOL_SIZE);
    // as engine-host hands out its pool (and off with -Dmilepost.engine.h2-journal=false, as there)
    DataSource shared = Boolean.parseBoolean(System.getProperty("milepost.engine.h2-journal", "true"))
        ? new JournalingDataSource(dataSource) : dataSource;
    engine = MilepostEngine.start(EngineConfiguration.of(shared).withH2CommitDurability(H2CommitDurability.parse(
        System.getProperty(EngineHostProcess.H2_DURABILITY_PROPERTY, "power-cut"))));
    String xml = context.models().camunda(workload);
    engine.deploy(List.of(new DeploymentResource(workload.processId() + ".bpmn", xml.getBytes(StandardCharsets.UTF_8))));
    JobCounter counter = new JobCounter(workload.jobsPerInstance(), tracker);
    for (String type : workload.jobTypes()) {
      QueuedJobs queue = new QueuedJobs();
      queue.stream = engine.openJobStream(new ActivateJobs(type, "bench", Duration.ofMinutes(5), 32, List.of()), queue);
      streams.add(queue.stream);
      for (int i = 0; i < context.workerThreadsPerType(); i++) {
        Thread worker = Thread.ofPlatform().name("worker-" + type + "-" + i).daemon()
            .start(() -> work(type, queue, counter));
        workers.add(worker);
      }
    }
  }

  /**
   * The jobs a stream pushed, for the worker threads. While full it tells the engine it is not ready (the
   * engine then leaves jobs waiting); once the workers have taken half, it asks for the waiting ones.
   */
  private final class QueuedJobs implements JobSink {
    private final BlockingQueue<ActivatedJob> jobs = new LinkedBlockingQueue<>();
    private final AtomicBoolean skipped = new AtomicBoolean();
    private JobStreamHandle stream;

    @Override
    public boolean accept(List<ActivatedJob> pushed) {
      return running && jobs.addAll(pushed);
    }

    @Override
    public boolean ready() {
      boolean ready = jobs.size() < QUEUE_LIMIT;
      if (!ready) {
        skipped.set(true);
      }
      return ready;
    }

    ActivatedJob take() throws InterruptedException {
      ActivatedJob job = jobs.poll(100, TimeUnit.MILLISECONDS);
      if (jobs.size() < QUEUE_LIMIT / 2 && skipped.compareAndSet(true, false)) {
        stream.resume();
      }
      return job;
    }
  }

  /** The engine, for probes that go past the adapter (the growth run). */
  public MilepostEngine engine() {
    return engine;
  }

  private void work(String type, QueuedJobs queue, JobCounter counter) {
    Map<String, Object> result = workload.resultVariables(type);
    while (running) {
      ActivatedJob job;
      try {
        job = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (job != null) {
        engine.completeJob(job.key(), result);
        counter.completed(job.processInstanceKey());
      }
    }
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
    streams.forEach(JobStreamHandle::close);
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
}
