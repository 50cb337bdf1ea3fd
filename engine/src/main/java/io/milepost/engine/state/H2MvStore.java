package io.milepost.engine.state;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The MVStore behind an embedded H2 connection, reached through H2's public methods by reflection (the engine does not
 * compile against H2), for what H2's SQL does not offer: the commit memory ({@link H2CompactionStep}), a force of the
 * file that stores nothing ({@link #forceFile}) and a wait for the store lock ({@link #awaitStoreLock}).
 */
final class H2MvStore {

  private final Object mvStore;

  private H2MvStore(Object mvStore) {
    this.mvStore = mvStore;
  }

  /** The store behind {@code connection}, or empty where this H2 cannot be reached so (another version, a server). */
  static Optional<H2MvStore> behind(Connection connection) {
    try {
      return Optional.of(new H2MvStore(of(connection)));
    } catch (ReflectiveOperationException | SQLException | RuntimeException unreachable) {
      return Optional.empty();
    }
  }

  static Object of(Connection connection) throws ReflectiveOperationException, SQLException {
    Object h2Connection = connection.unwrap(Class.forName("org.h2.jdbc.JdbcConnection"));
    Object session = call(h2Connection, "getSession");
    Object database = call(session, "getDatabase");
    return call(call(database, "getStore"), "getMvStore");
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

  static Object call(Object target, String method) throws ReflectiveOperationException {
    return target.getClass().getMethod(method).invoke(target);
  }
}
