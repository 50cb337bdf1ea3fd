package io.milepost.host.step;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Tells whether the heap is critical: what the last garbage collections left in use, and what is in use now,
 * are both above {@code milepost.worker.heap-critical-percent} of the maximum heap. While it is, the
 * dispatcher hands no new job to a plugin (it gives the job back to the engine to retry later): a JVM cannot
 * bound one plugin call's heap, but it can stop feeding more calls to a heap that is running out.
 *
 * <p>What the collections left behind (each heap pool's collection usage) rather than the usage now, which
 * rises to the maximum with garbage between collections on a healthy heap. Usage now as well, because no
 * collection may run for a while after a plugin that hoarded memory has ended (an idle host allocates
 * little), and its garbage must not hold jobs back meanwhile. Read on demand: no thread, no listener.
 */
final class HeapGuard {

  static final String USED_AFTER_GC = "milepost.heap.used.after.gc";
  static final String CRITICAL = "milepost.heap.critical";

  /** The heap as the guard sees it. */
  record HeapReading(long usedAfterGc, long usedNow, long max, int criticalPercent) {

    boolean critical() {
      long limit = max / 100 * criticalPercent;
      return usedAfterGc > limit && usedNow > limit;
    }

    int percentAfterGc() {
      return (int) (usedAfterGc * 100 / max);
    }

    String describe() {
      return "the heap is critical: " + percentAfterGc() + "% of its " + (max >> 20)
          + " MB stayed in use after the last garbage collection (limit " + criticalPercent
          + "%, milepost.worker.heap-critical-percent)";
    }
  }

  private final int criticalPercent;
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final List<MemoryPoolMXBean> collectedPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
      .toList();

  HeapGuard(int criticalPercent, MeterRegistry meters) {
    if (criticalPercent < 1 || criticalPercent > 100) {
      throw new IllegalArgumentException("Expected milepost.worker.heap-critical-percent to be between 1 and 100, "
          + "but it was " + criticalPercent);
    }
    this.criticalPercent = criticalPercent;
    Gauge.builder(USED_AFTER_GC, this, guard -> guard.reading().usedAfterGc())
        .description("Heap in use after the last garbage collections").baseUnit("bytes").register(meters);
    Gauge.builder(CRITICAL, this, guard -> guard.reading().critical() ? 1 : 0)
        .description("1 while the heap is critical and no new job is handed to a plugin").register(meters);
  }

  HeapReading reading() {
    MemoryUsage now = memory.getHeapMemoryUsage();
    long afterGc = 0;
    for (MemoryPoolMXBean pool : collectedPools) {
      afterGc += pool.getCollectionUsage().getUsed();
    }
    // without -Xmx the maximum may be undefined (-1): then only the committed heap bounds it
    long max = now.getMax() > 0 ? now.getMax() : now.getCommitted();
    return new HeapReading(afterGc, now.getUsed(), max, criticalPercent);
  }
}
