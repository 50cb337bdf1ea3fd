package io.milepost.engine.state;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The MVStore behind an embedded H2 connection, reached through H2's public methods by reflection (H2 is a provided
 * dependency, compiled against only by the row trigger {@link JournaledTableTrigger}), for what H2's SQL does not
 * offer: the commit memory ({@link #setCommitMemory}), a force of the file that stores nothing ({@link #forceFile}),
 * a wait for the store lock ({@link #awaitStoreLock}) and one for H2's own stores under way ({@link
 * #awaitStoresUnderWay}).
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
   * Waits until H2's threads have written the stores under way. A store of H2's own (its background thread's, or one a
   * write starts once the unsaved changes have grown) takes the changes, serializes their pages on one of H2's threads
   * and writes them on another, and its caller goes on meanwhile; once the pages are serialized, H2's {@code
   * CHECKPOINT} finds nothing unsaved and returns before the file holds them. Each of those threads runs its tasks in
   * order, so a task of ours queued on each in turn runs after what they hold. Returns at once in memory, or where
   * the threads cannot be reached or do not run (then H2 stores on the caller's thread).
   *
   * @throws StoreException if interrupted while waiting, or if the wait itself failed
   */
  void awaitStoresUnderWay() {
    Object fileStore;
    try {
      fileStore = call(mvStore, "getFileStore");
    } catch (ReflectiveOperationException unreachable) {
      return;
    }
    if (fileStore == null) {
      return; // in memory: nothing is written
    }
    for (String thread : List.of("serializationExecutor", "bufferSaveExecutor")) { // a serialization queues its write
      Optional<ExecutorService> executor = declaredField(fileStore, thread, ExecutorService.class);
      if (executor.isEmpty()) {
        return;
      }
      try {
        executor.get().submit(() -> {}).get();
      } catch (RejectedExecutionException closed) {
        return; // the store is closing: its close writes what is under way
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("Interrupted while waiting for H2's store under way", e);
      } catch (ExecutionException impossible) {
        throw new StoreException("Failed to wait for H2's store under way", impossible.getCause());
      }
    }
  }

  /**
   * Waits while H2's store lock is held (its compaction holds it for tens of milliseconds at a time), without keeping
   * it; returns at once where the lock cannot be reached. So that a checkpoint waits for the compaction before its turn
   * with the writer ({@code Store}), not in it, and the writer goes on meanwhile.
   */
  void awaitStoreLock() {
    declaredField(mvStore, "storeLock", ReentrantLock.class).ifPresent(storeLock -> {
      storeLock.lock();
      storeLock.unlock();
    });
  }

  /** The value of {@code target}'s field {@code name}, declared by its class or a superclass; empty if unreachable. */
  private static <T> Optional<T> declaredField(Object target, String name, Class<T> type) {
    for (Class<?> declaring = target.getClass(); declaring != null; declaring = declaring.getSuperclass()) {
      try {
        Field field = declaring.getDeclaredField(name);
        field.setAccessible(true);
        return Optional.ofNullable(type.cast(field.get(target)));
      } catch (NoSuchFieldException notHere) {
        // a superclass may declare it
      } catch (ReflectiveOperationException | RuntimeException unreachable) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Object call(Object target, String method) throws ReflectiveOperationException {
    return target.getClass().getMethod(method).invoke(target);
  }
}
