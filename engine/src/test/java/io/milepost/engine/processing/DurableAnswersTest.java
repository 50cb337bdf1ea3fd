package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.EngineConfiguration;
import io.milepost.engine.MilepostEngine;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.DeploymentResource;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.jdbc.JdbcConnection;
import org.h2.engine.SessionLocal;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On H2 the writer commits a batch and goes on while the checkpoint that makes it durable waits (for H2's store
 * lock, which H2's background compaction holds for up to hundreds of milliseconds); the callers are answered only
 * once their commit is durable.
 */
class DurableAnswersTest {

  @TempDir
  Path dataDir;

  @Test
  void shouldApplyTheNextCommandsWhileACheckpointWaitsAndAnswerOnlyOnceDurable() throws Exception {
    // given an engine on an H2 file store, with a process that ends as soon as it starts
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:" + dataDir.resolve("milepost"));
    try (MilepostEngine engine = MilepostEngine.start(new EngineConfiguration(dataSource, Clock.systemUTC(), null,
        "durable-answers"))) {
      engine.deploy(List.of(new DeploymentResource("p.bpmn", Bpmn.convertToString(
          Bpmn.createExecutableProcess("p").startEvent().endEvent().done()).getBytes(StandardCharsets.UTF_8))));

      // when H2's store lock is held, as its compaction holds it, while two instances are created one after the other
      // (read through a connection opened before: H2's checkpoint waits for the lock holding the monitor that
      // opening a session takes)
      Connection reader = dataSource.getConnection();
      StoreLockHolder holder = StoreLockHolder.hold(dataSource);
      CompletableFuture<Long> created;
      try {
        created = CompletableFuture.supplyAsync(() -> create(engine))
            .thenApply(first -> create(engine)); // the second is only sent once the first is answered
        waitUntilStored(reader, 1);
        CompletableFuture<Long> alongside = CompletableFuture.supplyAsync(() -> create(engine));

        // then the writer applies the command sent after the first was committed (it does not wait for the
        // checkpoint of the first) ...
        waitUntilStored(reader, 2);
        // ... but neither caller is answered while the checkpoint cannot write them to the file
        Thread.sleep(200);
        assertThat(created).isNotDone();
        assertThat(alongside).isNotDone();
        holder.release();
        assertThat(alongside.get(30, TimeUnit.SECONDS)).isPositive();
      } finally {
        holder.release();
      }
      // and once they are answered, the engine goes on as before
      assertThat(created.get(30, TimeUnit.SECONDS)).isPositive();
      assertThat(stored(reader)).isEqualTo(3);
      reader.close();
    }
  }

  private static long create(MilepostEngine engine) {
    return engine.createProcessInstance(CreateProcessInstance.latest("p", Map.of())).processInstanceKey();
  }

  private static void waitUntilStored(Connection reader, long instances) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (stored(reader) < instances && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(stored(reader)).as("instances the store holds").isEqualTo(instances);
  }

  private static long stored(Connection reader) throws SQLException {
    try (Statement statement = reader.createStatement();
        ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM process_instance")) {
      count.next();
      return count.getLong(1);
    }
  }

  /** Holds the store lock of H2's MVStore on a thread of its own (H2 has no public way to take it). */
  private static final class StoreLockHolder {
    private final CountDownLatch released = new CountDownLatch(1);

    static StoreLockHolder hold(JdbcDataSource dataSource) throws Exception {
      ReentrantLock lock;
      try (Connection connection = dataSource.getConnection()) {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        MVStore store = session.getDatabase().getStore().getMvStore();
        Field field = MVStore.class.getDeclaredField("storeLock");
        field.setAccessible(true);
        lock = (ReentrantLock) field.get(store);
      }
      StoreLockHolder holder = new StoreLockHolder();
      CountDownLatch held = new CountDownLatch(1);
      Thread.ofPlatform().daemon().start(() -> {
        lock.lock();
        try {
          held.countDown();
          holder.released.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          lock.unlock();
        }
      });
      assertThat(held.await(30, TimeUnit.SECONDS)).as("H2's store lock taken").isTrue();
      return holder;
    }

    void release() {
      released.countDown();
    }
  }
}
