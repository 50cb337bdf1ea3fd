package io.milepost.bench.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.milepost.bench.harness.InstanceTracker;
import io.milepost.bench.harness.JvmProbe;
import io.milepost.bench.harness.StoreKind;
import io.milepost.bench.harness.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.delegate.event.AbstractFlowableEventListener;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.impl.cfg.TransactionState;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.delegate.event.FlowableProcessEngineEvent;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.job.api.AcquiredExternalWorkerJob;

/**
 * Flowable 7 embedded on the same kind of store, with its defaults (history level audit, async executor
 * on, 8 executor threads) but for the id generator (UUIDs, as Flowable's Spring Boot starter sets), a pool
 * large enough not to deadlock (see {@link #POOL_SIZE}) and its async executor's retry and acquisition waits
 * (see {@link #start}). Service tasks are external-worker tasks; per topic a few threads (at most
 * {@value #MAX_WORKERS_PER_TOPIC}) acquire and lock up to 32 jobs and complete them one by one, polling every
 * {@value #POLL_MILLIS} ms when there are none. Flowable continues the process after an external-worker
 * completion in an async job of its own executor; an instance counts as ended when the transaction that completed
 * it has committed.
 */
public final class FlowableEmbedded implements EngineAdapter {

  private static final int MAX_JOBS = 32;
  private static final long POLL_MILLIS = 20;
  /**
   * Flowable runs after-commit listeners (its own async-job hints among them) in a new command while the
   * committing command still holds its connection, so one thread may hold two: with more threads than
   * half the pool (starters, workers, 8 async-executor threads) a pool of 10 deadlocks. 80 covers them.
   */
  private static final int POOL_SIZE = 80;
  /**
   * Flowable's best on H2 is 2 worker threads per topic, whatever the harness gives Milepost: with 8 its
   * completions deadlocked on H2's row locks ({@code ACT_RU_EXECUTION}), and the jobs they had locked stayed
   * locked for their 5 minutes, so a closed loop of 284 instances finished 84 in 300 s (stop 23).
   */
  private static final int MAX_WORKERS_PER_TOPIC = 2;
  /** Flowable's better figure of one run each: 107 instances/s (99..117) with 4 starters, 86 (80..106) with 8. */
  private static final int MAX_STARTERS = 4;

  private final List<Thread> workers = new ArrayList<>();
  private final ObjectMapper jackson = new ObjectMapper();
  private HikariDataSource dataSource;
  private ProcessEngine engine;
  private Workload workload;
  private volatile boolean running = true;

  @Override
  public void start(BenchContext context, InstanceTracker tracker) {
    workload = context.workload();
    dataSource = StoreKind.pool(context.jdbcUrl(), POOL_SIZE);
    ProcessEngineConfiguration configuration = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setDataSource(dataSource)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setAsyncExecutorActivate(true);
    ProcessEngineConfigurationImpl impl = (ProcessEngineConfigurationImpl) configuration;
    impl.setEventListeners(List.of(new EndListener(tracker)));
    // Flowable's Spring Boot default: the table-block id generator takes a second connection per block and
    // deadlocks a pool of 10 under this many threads
    impl.setIdGenerator(new StrongUuidGenerator());
    // The ten branches of workload (c) are non-exclusive (see Models): their continuations then collide at the
    // join (optimistic locking) and are retried, more often than the default 3 times ...
    impl.setAsyncExecutorNumberOfRetries(10);
    // ... and after 1 s instead of Flowable's default 10 s (that wait made the median of (c) 18 s)
    impl.setAsyncFailedJobWaitTime(1);
    // Jobs not handed to the executor right after their commit (retries, jobs put back after a lock failure) wait
    // for the next acquisition, 10 s by default after one that found little: every 100 ms instead
    impl.setAsyncExecutorDefaultAsyncJobAcquireWaitTime(100);
    impl.setAsyncExecutorDefaultTimerJobAcquireWaitTime(100);
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment()
        .addString(workload.processId() + ".bpmn20.xml", context.models().flowable(workload))
        .deploy();
    for (String topic : workload.jobTypes()) {
      for (int i = 0; i < Math.min(context.workerThreadsPerType(), MAX_WORKERS_PER_TOPIC); i++) {
        String workerId = "bench-" + topic + "-" + i;
        workers.add(Thread.ofPlatform().name(workerId).daemon().start(() -> work(topic, workerId)));
      }
    }
  }

  private void work(String topic, String workerId) {
    ManagementService management = engine.getManagementService();
    Map<String, Object> result = workload.resultVariables(topic);
    while (running) {
      List<AcquiredExternalWorkerJob> jobs;
      try {
        jobs = management.createExternalWorkerJobAcquireBuilder()
            .topic(topic, Duration.ofMinutes(5))
            .acquireAndLock(MAX_JOBS, workerId);
      } catch (FlowableOptimisticLockingException contended) {
        continue; // another worker locked the same jobs first
      }
      if (jobs.isEmpty()) {
        sleep(POLL_MILLIS);
        continue;
      }
      for (AcquiredExternalWorkerJob job : jobs) {
        management.createExternalWorkerCompletionBuilder(job.getId(), workerId).variables(result).complete();
      }
    }
  }

  @Override
  public Object startInstance(int n) {
    Map<String, Object> variables = new HashMap<>();
    // JSON-like values as Flowable's json variable type (a Map would be Java-serialized)
    workload.startVariables(n).forEach((name, value) ->
        variables.put(name, value instanceof Map<?, ?> map ? jackson.valueToTree(map) : value));
    return engine.getRuntimeService().startProcessInstanceByKey(workload.processId(), variables).getId();
  }

  @Override
  public int maxStarters() {
    return MAX_STARTERS;
  }

  @Override
  public long completedInStore() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(workload.processId()).finished().count();
  }

  @Override
  public String diagnostics() {
    ManagementService management = engine.getManagementService();
    return String.format("Flowable holds %d running instances, %d external-worker jobs, %d async jobs, %d timer "
        + "jobs, %d dead-letter jobs%s", engine.getRuntimeService().createProcessInstanceQuery().count(),
        management.createExternalWorkerJobQuery().count(), management.createJobQuery().count(),
        management.createTimerJobQuery().count(), management.createDeadLetterJobQuery().count(),
        management.createDeadLetterJobQuery().listPage(0, 1).stream().map(job -> " (first: "
            + job.getExceptionMessage() + ")").findFirst().orElse(""));
  }

  @Override
  public List<JvmProbe> jvms() {
    return List.of(JvmProbe.local("bench JVM (engine and workers)"));
  }

  @Override
  public void close() {
    running = false;
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

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Tells the tracker about a completed process instance once its transaction committed. */
  private static final class EndListener extends AbstractFlowableEventListener {
    private final InstanceTracker tracker;

    EndListener(InstanceTracker tracker) {
      this.tracker = tracker;
    }

    @Override
    public void onEvent(FlowableEvent event) {
      if (event.getType() == FlowableEngineEventType.PROCESS_COMPLETED
          && event instanceof FlowableProcessEngineEvent processEvent) {
        tracker.ended(processEvent.getProcessInstanceId(), System.nanoTime());
      }
    }

    @Override
    public boolean isFailOnException() {
      return false;
    }

    @Override
    public boolean isFireOnTransactionLifecycleEvent() {
      return true;
    }

    @Override
    public String getOnTransaction() {
      return TransactionState.COMMITTED.name();
    }
  }
}
