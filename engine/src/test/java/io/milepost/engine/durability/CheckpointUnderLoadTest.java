package io.milepost.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.EngineConfiguration;
import io.milepost.engine.MilepostEngine;
import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.JobStreamHandle;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.RejectionType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint that makes H2's commits durable runs on a thread of its own. H2 2.4.240 did not survive its store
 * of a commit's pages overlapping the writer's changes to the same maps: a B-tree page came out pointing at a child
 * with neither the page nor its position, and commands failed with "File corrupted while reading record ...
 * Position 0" (benchmarks/NOTES.md, stop 27). So on H2 the writer's transactions and the checkpoints take turns
 * ({@code Store}). This test runs in a JVM of its own with ZGC and a 512 MB heap (the {@code checkpoint-under-zgc}
 * execution in engine/pom.xml), where without the turns it failed in each of three runs within 6 to 20 seconds;
 * under G1 the same load had not shown it.
 */
class CheckpointUnderLoadTest {

  private static final Duration LOAD = Duration.ofSeconds(30);
  private static final String[] TYPES = {"first", "second", "third"};

  @TempDir
  Path dataDir;

  @Test
  void shouldApplyEveryCommandUnderFullLoadWhileCheckpointsRun() throws Exception {
    // given an engine on an H2 file store, as engine-host opens it, with a three-task process
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:file:" + dataDir.resolve("milepost") + ";RETENTION_TIME=5000");
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    AtomicInteger created = new AtomicInteger();
    try (MilepostEngine engine = MilepostEngine.start(EngineConfiguration.of(dataSource))) {
      engine.deploy(List.of(new DeploymentResource("three.bpmn", Bpmn.convertToString(
          Bpmn.createExecutableProcess("three").startEvent()
              .serviceTask("a", t -> t.zeebeJobType(TYPES[0]))
              .serviceTask("b", t -> t.zeebeJobType(TYPES[1]))
              .serviceTask("c", t -> t.zeebeJobType(TYPES[2]))
              .endEvent().done()).getBytes(StandardCharsets.UTF_8))));

      // when eight callers create instances and eight workers per job type complete the jobs streamed to them,
      // for half a minute
      long end = System.nanoTime() + LOAD.toNanos();
      List<Thread> threads = new ArrayList<>();
      List<JobStreamHandle> streams = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        threads.add(Thread.ofPlatform().start(() -> untilFailureOrEnd(end, failure, () -> {
          engine.createProcessInstance(CreateProcessInstance.latest("three", Map.of("n", created.get())));
          created.incrementAndGet();
        })));
      }
      for (String type : TYPES) {
        BlockingQueue<ActivatedJob> pushed = new LinkedBlockingQueue<>();
        streams.add(engine.openJobStream(new ActivateJobs(type, "w", Duration.ofMinutes(5), 32, List.of()),
            pushed::addAll));
        for (int i = 0; i < 8; i++) {
          threads.add(Thread.ofPlatform().start(() -> untilFailureOrEnd(end, failure, () -> {
            ActivatedJob job = poll(pushed);
            if (job != null) {
              engine.completeJob(job.key(), Map.of(type, true));
            }
          })));
        }
      }
      for (Thread thread : threads) {
        thread.join();
      }
      streams.forEach(JobStreamHandle::close);

      // then no command failed, and the store reads back every instance
      assertThat(failure.get()).as(() -> "the first command that failed, for: " + rootCause(failure.get())).isNull();
      assertThat(created.get()).isPositive();
      try (Connection connection = dataSource.getConnection();
          ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM process_instance")) {
        count.next();
        assertThat(count.getLong(1)).isEqualTo(created.get());
      }
    }
  }

  private static String rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause != null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return String.valueOf(cause);
  }

  private static ActivatedJob poll(BlockingQueue<ActivatedJob> jobs) {
    try {
      return jobs.poll(100, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void untilFailureOrEnd(long endNanos, AtomicReference<RuntimeException> failure, Runnable call) {
    while (System.nanoTime() < endNanos && failure.get() == null) {
      try {
        call.run();
      } catch (RejectionException refused) {
        if (refused.type() != RejectionType.RESOURCE_EXHAUSTED) {
          failure.compareAndSet(null, refused);
        }
        Thread.onSpinWait(); // back-pressure: try again
      } catch (RuntimeException failed) {
        failure.compareAndSet(null, failed);
      }
    }
  }
}
