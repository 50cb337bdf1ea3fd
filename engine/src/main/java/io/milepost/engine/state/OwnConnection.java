package io.milepost.engine.state;

import java.util.function.Function;

/**
 * A connection of the writer's side of its own (the key reservations, the checkpoint), opened once so that it never
 * waits for the shared pool behind request traffic. Work that fails on it is tried once more on a new connection:
 * the old one may belong to a database that closed since (H2 after a failed write, see {@link StoreOutage}) while the
 * writer's own connection is already new.
 */
public final class OwnConnection implements AutoCloseable {

  private final Store store;
  private StatementCache connection;

  public OwnConnection(Store store) {
    this.store = store;
  }

  /** Opens the connection now, so that the first work does not ask the pool for one later. */
  public synchronized void open() {
    if (connection == null) {
      connection = store.openWriterConnection();
    }
  }

  /**
   * Runs {@code work} on the connection; if it fails, once more on a new one.
   *
   * @throws RuntimeException the second failure, with the first suppressed in it
   */
  public synchronized <T> T run(Function<StatementCache, T> work) {
    open();
    try {
      return work.apply(connection);
    } catch (RuntimeException failed) {
      close();
      try {
        open();
        return work.apply(connection);
      } catch (RuntimeException failedAgain) {
        close();
        failedAgain.addSuppressed(failed);
        throw failedAgain;
      }
    }
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }
}
