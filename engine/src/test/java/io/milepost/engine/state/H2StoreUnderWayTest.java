package io.milepost.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 stores its pages on threads of its own when its background thread, or a write once the unsaved changes have
 * grown, starts the store: that store takes the commits and returns while H2's threads still serialize and write them.
 * H2's {@code CHECKPOINT} then finds nothing unsaved and returns at once, before the file holds those commits. The
 * journal drops its records up to what a page store covered, so a page store that returned early let a kill -9 lose
 * acknowledged commits (a CI run of KillNineOrdersTest lost a completed order's step record, stop 43). A page store
 * must wait for H2's store under way.
 */
class H2StoreUnderWayTest {

  private static final int ROWS = 200;
  /** How long the page store is given to return while H2's store is held up (it must not). */
  private static final long HELD_UP_MILLIS = 1_000;

  @TempDir
  Path dataDir;

  @TempDir
  Path killedCopy;

  @Test
  void shouldHoldEveryCommitInTheFileWhenAPageStoreReturnsThatFoundH2sOwnStoreUnderWay() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:" + dataDir.resolve("milepost") + ";DB_CLOSE_ON_EXIT=FALSE");
    Store store = new Store(new JournalingDataSource(h2, Duration.ofHours(1)));
    try (StatementCache writer = store.openWriterConnection();
        StatementCache checkpoint = store.openWriterConnection()) {
      // given commits the file does not hold yet
      store.inTransactionDurableAtCheckpoint(writer, sql -> {
        for (int i = 0; i < ROWS; i++) {
          sql.update("INSERT INTO message_correlation (message_key, bpmn_process_id) VALUES (?, ?)", i, "order");
        }
        return null;
      });

      // and a store of H2's own that took them and serialized their pages, held up before it writes them
      MVStore mvStore = mvStoreOf(writer.connection());
      CountDownLatch release = new CountDownLatch(1);
      executor(mvStore.getFileStore(), "bufferSaveExecutor").submit(() -> {
        release.await();
        return null;
      });
      assertThat(mvStore.tryCommit()).as("H2's store started (a new version)").isPositive();
      executor(mvStore.getFileStore(), "serializationExecutor").submit(() -> {}).get();
      assertThat(mvStore.hasUnsavedChanges()).as("whether H2 still sees unsaved changes once its store serialized them").isFalse();

      // when the page store runs (the first checkpoint of a store does, whatever ran before it is not journaled)
      FutureTask<Void> pageStore = new FutureTask<>(() -> {
        store.checkpoint(checkpoint, true);
        return null;
      });
      Thread.ofPlatform().start(pageStore);
      boolean returnedWhileHeldUp = returnedWithin(pageStore, HELD_UP_MILLIS);
      if (returnedWhileHeldUp) {
        copyTheFileAsAKillLeavesIt(); // the journal may drop its records now
      }
      release.countDown();
      pageStore.get(); // and it did not fail
      if (!returnedWhileHeldUp) {
        copyTheFileAsAKillLeavesIt();
      }

      // then the file as it was when the page store returned holds every commit
      assertThat(rowsInTheKilledCopy()).as("rows in H2's file when the page store returned").isEqualTo(ROWS);
    } finally {
      store.close();
    }
  }

  private static boolean returnedWithin(FutureTask<Void> task, long millis) throws Exception {
    try {
      task.get(millis, TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException stillRunning) {
      return false;
    }
  }

  private void copyTheFileAsAKillLeavesIt() throws Exception {
    Files.copy(dataDir.resolve("milepost.mv.db"), killedCopy.resolve("milepost.mv.db"));
  }

  private int rowsInTheKilledCopy() throws Exception {
    JdbcDataSource copy = new JdbcDataSource();
    copy.setURL("jdbc:h2:" + killedCopy.resolve("milepost"));
    try (Connection connection = copy.getConnection(); Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM message_correlation")) {
      count.next();
      return count.getInt(1);
    }
  }

  private static MVStore mvStoreOf(Connection connection) throws Exception {
    SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
    return session.getDatabase().getStore().getMvStore();
  }

  private static ExecutorService executor(FileStore<?> fileStore, String name) throws Exception {
    Field field = FileStore.class.getDeclaredField(name);
    field.setAccessible(true);
    ExecutorService executor = (ExecutorService) field.get(fileStore);
    assertThat(executor).as("H2's " + name + " (it runs while H2's background thread does)").isNotNull();
    return executor;
  }
}
