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
  private final OwnConnection connection;
  private long next;
  private long blockEnd;

  public KeyGenerator(Store store) {
    this.store = store;
    this.connection = new OwnConnection(store);
  }

  public synchronized long nextKey() {
    if (next >= blockEnd) {
      reserveBlock();
    }
    return next++;
  }

  private void reserveBlock() {
    long start;
    try {
      start = connection.run(this::reserve);
    } catch (RuntimeException failed) {
      throw new StoreUnavailableException("The engine's store failed to reserve keys for the command: it was not "
          + "applied; retry it (the engine reconnects by itself)", failed);
    }
    next = start;
    blockEnd = start + BLOCK_SIZE;
  }

  private long reserve(StatementCache connection) {
    return store.inTransaction(connection, sql -> {
      long current = sql.queryOne("SELECT next_key FROM key_block WHERE id = 1" + (sql.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE" : ""),
          row -> row.getLong(1)).orElseThrow();
      sql.update("UPDATE key_block SET next_key = ? WHERE id = 1", current + BLOCK_SIZE);
      return current;
    });
  }

  /** Opens the connection now, so that the writer never asks the pool for one later. */
  public void connect() {
    connection.open();
  }

  public void close() {
    connection.close();
  }
}
