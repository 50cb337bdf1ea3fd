package io.milepost.engine.state;

import io.milepost.engine.api.StoreUnavailableException;

/**
 * Hands out 64-bit keys, unique for the life of the store. Reserves blocks in their own committed
 * transaction, so a key is never reused after a crash (a crash only leaves a gap). The reservation runs on
 * a connection of its own, opened once: it happens inside commands on the writer thread, which must not
 * wait for the shared pool behind request traffic.
 */
public final class KeyGenerator {

  private static final int BLOCK_SIZE = 10_000;

  private final Store store;
  private long next;
  private long blockEnd;
  private StatementCache connection;

  public KeyGenerator(Store store) {
    this.store = store;
  }

  public synchronized long nextKey() {
    if (next >= blockEnd) {
      reserveBlock();
    }
    return next++;
  }

  private void reserveBlock() {
    if (connection == null) {
      connection = store.openWriterConnection();
    }
    long start;
    try {
      start = reserve();
    } catch (RuntimeException failed) {
      // the connection may be of a database that closed since (H2 after a failed write, see StoreOutage), while
      // the writer's own connection is new: one more try on a new connection before the command fails
      dropConnection();
      try {
        connection = store.openWriterConnection();
        start = reserve();
      } catch (RuntimeException failedAgain) {
        dropConnection();
        failedAgain.addSuppressed(failed);
        throw new StoreUnavailableException("The engine's store failed to reserve keys for the command: it was not "
            + "applied; retry it (the engine reconnects by itself)", failedAgain);
      }
    }
    next = start;
    blockEnd = start + BLOCK_SIZE;
  }

  private long reserve() {
    return store.inTransaction(connection, sql -> {
      long current = sql.queryOne("SELECT next_key FROM key_block WHERE id = 1" + (sql.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE" : ""),
          row -> row.getLong(1)).orElseThrow();
      sql.update("UPDATE key_block SET next_key = ? WHERE id = 1", current + BLOCK_SIZE);
      return current;
    });
  }

  /** Opens the connection now, so that the writer never asks the pool for one later. */
  public synchronized void connect() {
    if (connection == null) {
      connection = store.openWriterConnection();
    }
  }

  public synchronized void close() {
    dropConnection();
  }

  private void dropConnection() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }
}
