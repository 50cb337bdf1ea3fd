package io.milepost.bench;

import java.util.Locale;

/**
 * The collector the measured JVMs run with ({@code --gc=g1}, the default, {@code --gc=zgc} or {@code --gc=parallel}):
 * on 2 cores G1's young pauses are the tail at half load; ZGC trades throughput for pauses under a millisecond, the
 * parallel collector has no remembered sets to scan in its young pauses (benchmarks/NOTES.md, "Collectors").
 */
enum GarbageCollector {
  G1("-XX:+UseG1GC"),
  ZGC("-XX:+UseZGC"),
  PARALLEL("-XX:+UseParallelGC");

  private final String flag;

  GarbageCollector(String flag) {
    this.flag = flag;
  }

  String flag() {
    return flag;
  }

  static GarbageCollector of(String option) {
    if (option == null) {
      return G1;
    }
    try {
      return valueOf(option.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Expected --gc=g1, --gc=zgc or --gc=parallel, but found --gc=" + option, e);
    }
  }
}
