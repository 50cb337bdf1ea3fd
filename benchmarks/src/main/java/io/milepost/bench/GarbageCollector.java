package io.milepost.bench;

/**
 * The collector the measured JVMs run with ({@code --gc=g1}, the default, {@code --gc=zgc}, {@code --gc=parallel} or
 * {@code --gc=shenandoah}): on 2 cores G1's young pauses are the tail at half load; ZGC and Shenandoah trade
 * throughput for short pauses, the parallel collector has no remembered sets to scan in its young pauses
 * (benchmarks/NOTES.md, "Collectors" and "Tried: Shenandoah for the tail").
 */
enum GarbageCollector {
  G1("-XX:+UseG1GC"),
  ZGC("-XX:+UseZGC"),
  PARALLEL("-XX:+UseParallelGC"),
  SHENANDOAH("-XX:+UseShenandoahGC");

  private final String flag;

  GarbageCollector(String flag) {
    this.flag = flag;
  }

  String flag() {
    return flag;
  }
}
