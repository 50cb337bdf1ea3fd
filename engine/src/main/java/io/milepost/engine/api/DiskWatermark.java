package io.milepost.engine.api;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The free-disk watermark of the embedded H2 store: while the disk of its data directory has less usable space
 * than {@code minFreeBytes}, commands are refused as retryable before the writer applies them, so H2 never meets a
 * full disk (after a failed write H2 closes its database, and once in ten test runs the database reopened after a
 * real full disk lacked a deployment made before; not explained). Not applied to PostgreSQL, whose server owns its
 * disk.
 *
 * @param minFreeBytes the usable space below which commands are refused; 0 turns the watermark off
 * @param usableSpace where the usable space is measured; {@code null} for the disk of the H2 store's own
 *     directory (found from its JDBC URL; no watermark for an in-memory or a remote store)
 */
public record DiskWatermark(long minFreeBytes, UsableSpace usableSpace) {

  /**
   * 1 GB: room for what H2 writes besides the commits themselves (its background compaction rewrites live chunks
   * into new space before the old space is freed), for the plugins and logs that share the data directory, and for
   * an operator to notice the DOWN health before the disk is full; small next to the disks engine hosts run on.
   */
  public static final long DEFAULT_MIN_FREE_BYTES = 1L << 30;

  public static final DiskWatermark DEFAULT = new DiskWatermark(DEFAULT_MIN_FREE_BYTES, null);

  public DiskWatermark {
    if (minFreeBytes < 0) {
      throw new IllegalArgumentException("Expected the minimum free disk space to be 0 (off) or more bytes, but it was "
          + minFreeBytes);
    }
  }

  /** How many bytes the data disk can still take (for the engine, not for root). */
  @FunctionalInterface
  public interface UsableSpace {

    long bytes() throws IOException;

    /** The usable space of the file system {@code directory} is on (its FileStore looked up once). */
    static UsableSpace of(Path directory) throws IOException {
      FileStore fileStore = Files.getFileStore(directory);
      return fileStore::getUsableSpace;
    }
  }
}
