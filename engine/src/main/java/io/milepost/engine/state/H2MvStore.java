package io.milepost.engine.state;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The MVStore behind an embedded H2 connection, reached through H2's public methods by reflection (H2 is a provided
 * dependency, compiled against only by the row trigger {@link JournaledTableTrigger}), for what H2's SQL does not
 * offer: the commit memory ({@link #setCommitMemory}), a force of the file that stores nothing ({@link #forceFile})
 * and a wait for the store lock ({@link #awaitStoreLock}).
 */
final class H2MvStore {

  private final Object mvStore;

  private H2MvStore(Object mvStore) {
    this.mvStore = mvStore;
  }

  /** The store behind {@code connection}, or empty where this H2 cannot be reached so (another version, a server). */
  static Optional<H2MvStore> behind(Connection connection) {
    try {
      return Optional.of(of(connection));
    } catch (ReflectiveOperationException | SQLException | RuntimeException unreachable) {
      return Optional.empty();
    }
  }

  /** The store behind {@code connection}; throws, saying why, where this H2 cannot be reached so. */
  static H2MvStore of(Connection connection) throws ReflectiveOperationException, SQLException {
    Object h2Connection = connection.unwrap(Class.forName("org.h2.jdbc.JdbcConnection"));
    Object session = call(h2Connection, "getSession");
    Object database = call(session, "getDatabase");
    return new H2MvStore(call(call(database, "getStore"), "getMvStore"));
  }

  /** Whether the store has a file (an in-memory store has none). */
  boolean hasFile() throws ReflectiveOperationException {
    return call(mvStore, "getFileStore") != null;
  }

  /** Sets the store's commit memory ({@code autoCommitMemory}), which sizes its background compaction's steps. */
  void setCommitMemory(int bytes) throws ReflectiveOperationException {
    Field commitMemory = mvStore.getClass().getDeclaredField("autoCommitMemory");
    commitMemory.setAccessible(true);
    commitMemory.setInt(mvStore, bytes);
  }

  /**
   * Forces the store's file to the device ({@code MVStore.sync()}), without storing the commits made since, which
   * H2's {@code CHECKPOINT SYNC} does first.
   *
   * @return false if this H2 has no such method: force it by SQL instead
   * @throws StoreException if the force itself failed
   */
  boolean forceFile() {
    try {
      call(mvStore, "sync");
      return true;
    } catch (InvocationTargetException failed) {
      throw new StoreException("Failed to force H2's file to the device", failed.getCause());
    } catch (ReflectiveOperationException unreachable) {
      return false;
    }
  }

  /**
   * Waits while H2's store lock is held (its compaction holds it for tens of milliseconds at a time), without keeping
   * it; returns at once where the lock cannot be reached. So that a checkpoint waits for the compaction before its turn
   * with the writer ({@code Store}), not in it, and the writer goes on meanwhile.
   */
  void awaitStoreLock() {
    ReentrantLock storeLock;
    try {
      Field field = mvStore.getClass().getDeclaredField("storeLock");
      field.setAccessible(true);
      storeLock = (ReentrantLock) field.get(mvStore);
    } catch (ReflectiveOperationException | RuntimeException unreachable) {
      return;
    }
    storeLock.lock();
    storeLock.unlock();
  }

  private static Object call(Object target, String method) throws ReflectiveOperationException {
    return target.getClass().getMethod(method).invoke(target);
  }
}
