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
import io.milepost.engine.state.JournalingDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checkpoint that makes H2's commits durable runs on a thread of its own. H2 2.4.240 did not survive its store
 * of a commit's pages overlapping the writer's changes to the same maps: a B-tree page came out pointing at a child
 * with neither the page nor its position, and commands failed with "File corrupted while reading record ...
 * Position 0" (benchmarks/NOTES.md, stop 27). So on H2 the writer's transactions and the checkpoints take turns
 * ({@code Store}). This test runs in a JVM of its own with ZGC and a 512 MB heap (the {@code checkpoint-under-zgc}
 * execution in engine/pom.xml), where without the turns it failed in each of three runs within 6 to 20 seconds;
 * under G1 the same load had not shown it.
 *
 * <p>engine-host writes its own tables (step records, stock, rollouts) into the same H2 database through its own
 * connection pool, outside the turns. So host-like writers (inserts, updates, deletes in their own transactions)
 * run beside the engine here: the store must stay whole for both, and every host commit must read back.
 *
 * <p>Journaled, the engine stores H2's pages only now and then and after a host commit, so H2's background thread
 * stores more of them while the writer changes the maps; the host writers then pause longer between commits, so that
 * most checkpoints only append to the journal.
 */
class CheckpointUnderLoadTest {

  private static final Duration LOAD = Duration.ofSeconds(30);
  private static final String[] TYPES = {"first", "second", "third"};
  private static final int HOST_WRITERS = 4;

  @TempDir
  Path dataDir;

  @ParameterizedTest(name = "journaled: {0}")
  @ValueSource(booleans = {false, true})
  void shouldApplyEveryCommandUnderFullLoadWhileCheckpointsRun(boolean journaled) throws Exception {
    // given an engine on an H2 file store, as engine-host opens it, with a three-task process
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + dataDir.resolve("milepost") + ";RETENTION_TIME=5000");
    DataSource dataSource = journaled ? new JournalingDataSource(h2) : h2;
    long hostPauseMillis = journaled ? 50 : 2;
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
      // for half a minute, while host-like writers change tables of their own
      long end = System.nanoTime() + LOAD.toNanos();
      List<Thread> threads = new ArrayList<>();
      createHostTables(dataSource);
      AtomicInteger hostCommits = new AtomicInteger();
      long[] notesKept = new long[HOST_WRITERS];
      for (int writer = 0; writer < HOST_WRITERS; writer++) {
        int id = writer;
        threads.add(Thread.ofPlatform().start(
            () -> writeAsTheHost(dataSource, id, end, hostPauseMillis, failure, hostCommits, notesKept)));
      }
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
      assertThat(queryLong(dataSource, "SELECT COUNT(*) FROM process_instance")).isEqualTo(created.get());
      // and every host commit, each writer's notes as it left them
      assertThat(hostCommits.get()).isPositive();
      assertThat(queryLong(dataSource, "SELECT SUM(commits) FROM host_counter")).isEqualTo(hostCommits.get());
      for (int writer = 0; writer < HOST_WRITERS; writer++) {
        assertThat(queryLong(dataSource, "SELECT COUNT(*) FROM host_note WHERE writer = " + writer))
            .as("notes of host writer %d", writer).isEqualTo(notesKept[writer]);
      }
    }
  }

  private static void createHostTables(DataSource dataSource) throws Exception {
    try (Connection setup = dataSource.getConnection()) {
      setup.createStatement().execute("CREATE TABLE host_note (id BIGINT AUTO_INCREMENT PRIMARY KEY, writer INT, "
          + "body VARCHAR(200))");
      setup.createStatement().execute("CREATE INDEX ix_host_note_writer ON host_note (writer, id)");
      setup.createStatement().execute("CREATE TABLE host_counter (writer INT PRIMARY KEY, commits BIGINT)");
      for (int writer = 0; writer < HOST_WRITERS; writer++) {
        setup.createStatement().execute("INSERT INTO host_counter VALUES (" + writer + ", 0)");
      }
    }
  }

  /**
   * A writer shaped as engine-host's: each transaction inserts three notes and counts itself; every tenth also
   * deletes the writer's older notes, as the host's retention does. Paced, so that the engine keeps its full load.
   */
  private static void writeAsTheHost(DataSource dataSource, int writer, long endNanos, long pauseMillis,
      AtomicReference<RuntimeException> failure, AtomicInteger hostCommits, long[] notesKept) {
    try (Connection host = dataSource.getConnection();
        PreparedStatement insert = host.prepareStatement("INSERT INTO host_note (writer, body) VALUES (?, ?)");
        PreparedStatement count = host.prepareStatement(
            "UPDATE host_counter SET commits = commits + 1 WHERE writer = ?");
        PreparedStatement prune = host.prepareStatement(
            "DELETE FROM host_note WHERE writer = ? AND id < (SELECT MAX(id) FROM host_note WHERE writer = ?)")) {
      host.setAutoCommit(false);
      long kept = 0;
      for (int commit = 1; System.nanoTime() < endNanos && failure.get() == null; commit++) {
        for (int note = 0; note < 3; note++) {
          insert.setInt(1, writer);
          insert.setString(2, "note " + note + " of commit " + commit);
          insert.executeUpdate();
        }
        kept += 3;
        count.setInt(1, writer);
        count.executeUpdate();
        if (commit % 10 == 0) {
          prune.setInt(1, writer);
          prune.setInt(2, writer);
          kept -= prune.executeUpdate();
        }
        host.commit();
        notesKept[writer] = kept;
        hostCommits.incrementAndGet();
        Thread.sleep(pauseMillis);
      }
    } catch (Exception e) {
      failure.compareAndSet(null, new IllegalStateException("host writer " + writer + " failed", e));
    }
  }

  private static long queryLong(DataSource dataSource, String sql) throws Exception {
    try (Connection connection = dataSource.getConnection();
        ResultSet result = connection.createStatement().executeQuery(sql)) {
      result.next();
      return result.getLong(1);
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
