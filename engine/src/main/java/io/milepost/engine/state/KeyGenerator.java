package io.milepost.engine.state;

/**
 * Hands out 64-bit keys, unique for the life of the store. Reserves blocks in their own committed
 * transaction, so a key is never reused after a crash (a crash only leaves a gap).
 */
public final class KeyGenerator {

  private static final int BLOCK_SIZE = 10_000;

  private final Store store;
  private long next;
  private long blockEnd;

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
    long start = store.inTransaction(sql -> {
      long current = sql.queryOne("SELECT next_key FROM key_block WHERE id = 1" + (sql.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE" : ""),
          row -> row.getLong(1)).orElseThrow();
      sql.update("UPDATE key_block SET next_key = ? WHERE id = 1", current + BLOCK_SIZE);
      return current;
    });
    next = start;
    blockEnd = start + BLOCK_SIZE;
  }
}
