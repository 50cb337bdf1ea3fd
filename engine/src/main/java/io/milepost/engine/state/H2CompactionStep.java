package io.milepost.engine.state;

import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shortens the steps of H2's background compaction, so that a checkpoint (and the answers that wait for it) waits
 * less for one.
 *
 * <p>H2's background thread keeps the file near the size of the data by rewriting the live pages of emptier chunks,
 * and it holds the store lock that every checkpoint needs while it does. Under load one step rewrites up to a quarter
 * of the store's commit memory, 19 times its commit buffer ({@code autoCommitBufferSize}, 1024 KB by default); on a
 * 2-core machine a checkpoint that came meanwhile waited 80 to 190 ms, about once a second, the engine's p99 at half
 * load. With a buffer of {@value #COMMIT_BUFFER_KB} KB the steps are a quarter as long: the p99 at half load fell
 * from 109-215 ms to 39-58 ms on a fresh store and at 100k completed instances, for a file about a quarter larger
 * and 6 to 12 % less throughput on the grown store (benchmarks/NOTES.md, stop 26; stop 24 had judged it on p99s that
 * the benchmark's own forced GC dominated).
 *
 * <p>H2 reads the buffer size only from the options of its {@code MVStore.Builder}, which its JDBC layer fills in
 * without it, so this class sets the open store's {@code autoCommitMemory} field. A store it cannot reach (another
 * H2 version, a server connection, a JVM that refuses the write) keeps H2's default, and the engine logs a warning.
 */
final class H2CompactionStep {

  static final int COMMIT_BUFFER_KB = 256;
  /** H2's commit memory per KB of commit buffer, as {@code MVStore}'s constructor computes it. */
  private static final int COMMIT_MEMORY_PER_BUFFER_KB = 19 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(H2CompactionStep.class);

  private H2CompactionStep() {}

  /**
   * Sets the commit memory of the H2 store {@code connection} belongs to; every connection to that database
   * shares the store, and a store H2 reopens (after it closed the database on a failure) starts at its default
   * again, so the store calls this on each connection it opens for the writer or the checkpoint.
   */
  static void shorten(Connection connection) {
    try {
      H2MvStore mvStore = H2MvStore.of(connection);
      if (!mvStore.hasFile()) {
        return; // in memory: there is no file to compact, and H2 keeps such a store's commit memory at 0
      }
      mvStore.setCommitMemory(COMMIT_BUFFER_KB * COMMIT_MEMORY_PER_BUFFER_KB);
    } catch (ReflectiveOperationException | SQLException | RuntimeException e) {
      LOG.warn("Could not shorten H2's compaction steps (commit buffer {} KB), so checkpoints may wait for H2's longer "
          + "ones: {}", COMMIT_BUFFER_KB, e.toString());
    }
  }
}
