package io.milepost.engine.processing;

import io.milepost.engine.api.DiskWatermark;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the writer whether the store's disk is below its free-disk watermark ({@link DiskWatermark}). Measures at
 * most every {@link #CHECK_INTERVAL_NANOS} (a {@code statvfs} call per measurement): a batch in between uses the last
 * measurement. Measured by the writer thread only; read by anyone ({@link #shortage()}).
 */
final class FreeDiskGuard {

  private static final Logger LOG = LoggerFactory.getLogger(FreeDiskGuard.class);
  /** Often enough that a disk filling at any rate the writer can write passes little of the watermark unseen. */
  private static final long CHECK_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long MB = 1024 * 1024;

  private final long minFreeBytes;
  /** Null when there is nothing to watch (the watermark is off, or the store is not an H2 file). */
  private final DiskWatermark.UsableSpace usableSpace;
  private long lastCheckNanos;
  private boolean measurementFailed;
  private volatile Optional<String> shortage = Optional.empty();

  FreeDiskGuard(long minFreeBytes, DiskWatermark.UsableSpace usableSpace) {
    this.minFreeBytes = minFreeBytes;
    this.usableSpace = minFreeBytes == 0 ? null : usableSpace;
  }

  /** Why commands are refused now (measured again if the last measurement is old); empty while there is room. */
  Optional<String> check() {
    long now = System.nanoTime();
    if (usableSpace == null || (lastCheckNanos != 0 && now - lastCheckNanos < CHECK_INTERVAL_NANOS)) {
      return shortage;
    }
    lastCheckNanos = now;
    Optional<String> found = measure();
    if (found.isPresent() && shortage.isEmpty()) {
      LOG.warn(found.get());
    } else if (found.isEmpty() && shortage.isPresent()) {
      LOG.info("The data disk has room again (milepost.engine.min-free-disk {} MB): commands are taken again",
          minFreeBytes / MB);
    }
    shortage = found;
    return found;
  }

  /** The last measurement's shortage, without measuring. */
  Optional<String> shortage() {
    return shortage;
  }

  private Optional<String> measure() {
    long free;
    try {
      free = usableSpace.bytes();
      measurementFailed = false;
    } catch (IOException | RuntimeException e) {
      // a disk that cannot be measured is not refused for it: the store's own write failures still show
      if (!measurementFailed) {
        LOG.warn("Could not measure the data disk's free space; commands are taken without the watermark", e);
      }
      measurementFailed = true;
      return Optional.empty();
    }
    if (free >= minFreeBytes) {
      return Optional.empty();
    }
    return Optional.of("The data disk has " + megabytes(free) + " free, below milepost.engine.min-free-disk ("
        + megabytes(minFreeBytes) + "): commands are refused until space is freed");
  }

  private static String megabytes(long bytes) {
    return bytes >= MB ? bytes / MB + " MB" : bytes + " bytes";
  }
}
